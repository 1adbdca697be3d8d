import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { ServerSample } from "../protocol";
import type { ServerProcess } from "../server-process";
import type { GeneratorPool } from "./generator-pool";
import type { GeneratorResults } from "./generator-protocol";
import type { ConnectedRoom } from "./rooms";

export interface LoadOptions {
  /** Edits per second per client. */
  rate: number;
  warmupSeconds: number;
  seconds: number;
  /** Seconds between one client's chat messages; 0: no chat. */
  chatIntervalSeconds: number;
  /** How long to wait after the window for the last receipts. */
  drainMs: number;
  /** Profile the server over the window and write the profile here. */
  profileDir: string | null;
}

export interface LoadWindow {
  /** Server samples at the start and end of the measured window. */
  start: ServerSample;
  end: ServerSample;
  clientSeconds: number;
  /** The load generator's own CPU (µs, all its threads) and its busiest thread's event-loop use over the window. */
  generatorCpuMicros: number;
  generatorEventLoopUtilization: number;
  /** CPU time used by everything on the machine over the window (µs), and the cores. */
  machineBusyMicros: number;
  cores: number;
  loadAverage: number[];
  profilePath: string | null;
}

/** Busy (non-idle) CPU time of the whole machine so far, in µs. */
function machineBusy(): number {
  let busy = 0;
  for (const { times } of cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy * 1000;
}

/** Starts `tick` every `intervalMs` from a random phase, so clients do not act in lockstep. */
function every(intervalMs: number, tick: () => void): () => void {
  let interval: NodeJS.Timeout | null = null;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, intervalMs);
  }, Math.random() * intervalMs);
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}

/** Every editor edits at `rate`, every attendee chats every `chatIntervalSeconds` (0: never). */
export function startTraffic(
  rooms: readonly ConnectedRoom[],
  options: { rate: number; chatIntervalSeconds: number },
): (() => void)[] {
  const stops: (() => void)[] = [];
  for (const { editors, attendees } of rooms) {
    for (const editor of editors) stops.push(every(1000 / options.rate, () => editor.edit()));
    if (options.chatIntervalSeconds <= 0) continue;
    for (const attendee of attendees) {
      stops.push(every(options.chatIntervalSeconds * 1000, () => attendee.chat()));
    }
  }
  return stops;
}

/**
 * Every client edits at `rate`, every attendee chats now and then: a warm-up,
 * then the measured window (receipts of edits sent in it are recorded),
 * then the traffic stops and the last receipts are awaited.
 */
export async function runLoad(
  server: ServerProcess,
  generators: GeneratorPool,
  options: LoadOptions,
): Promise<{ window: LoadWindow; results: GeneratorResults }> {
  await generators.traffic(options.rate, options.chatIntervalSeconds);
  let window: LoadWindow;
  try {
    await sleep(options.warmupSeconds * 1000);
    if (options.profileDir) await server.request({ type: "profileStart" });
    const start = await server.request({ type: "sample", gc: false });
    const busyBefore = machineBusy();
    // The whole process: every generator thread's CPU.
    const cpuBefore = process.cpuUsage();
    const loopsBefore = generators.loopMark();
    const started = performance.now();
    await generators.measure(true);
    await sleep(options.seconds * 1000);
    await generators.measure(false);
    const clientSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const busiestLoop = generators.busiestSince(loopsBefore);
    const machineBusyMicros = machineBusy() - busyBefore;
    const end = await server.request({ type: "sample", gc: false });
    const profilePath = options.profileDir
      ? await server.request({ type: "profileStop", dir: options.profileDir })
      : null;
    window = {
      start,
      end,
      clientSeconds,
      generatorCpuMicros: cpu.user + cpu.system,
      generatorEventLoopUtilization: busiestLoop,
      machineBusyMicros,
      cores: cpus().length,
      loadAverage: loadavg(),
      profilePath,
    };
  } catch (error) {
    await generators.stop(options.drainMs);
    throw error;
  }
  return { window, results: await generators.stop(options.drainMs) };
}
