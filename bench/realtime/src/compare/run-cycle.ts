import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { FanOutRecorder } from "../load/latency";
import { closeRooms, connectRooms, type Recorders } from "../load/rooms";
import type { ProcessSample, ServerKind } from "../peers/peer-protocol";
import type { CompareOptions } from "./compare-options";
import { startServer } from "./servers";
import { startEditing } from "./traffic";

export interface CycleResult {
  kind: ServerKind;
  round: number;
  storage: string;
  connectSeconds: number;
  /** Fan-out latencies (ms) of edits sent in the window. */
  latencies: Float64Array;
  sent: number;
  expectedDeliveries: number;
  missing: number;
  windowSeconds: number;
  cpuMicros: number;
  cpuSystemMicros: number;
  generatorCpuMicros: number;
  memory: { before: ProcessSample; connected: ProcessSample; loaded: ProcessSample };
  loadAverage: number[];
  unexpectedCloses: number;
}

const say = (line: string) => process.stderr.write(`[compare] ${line}\n`);

/**
 * One server through one measurement: start it on fresh storage, open the
 * rooms, edit (warm-up, then the window), await the last receipts, stop it.
 */
export async function runCycle(
  kind: ServerKind,
  round: number,
  options: CompareOptions,
): Promise<CycleResult> {
  const server = await startServer(kind, options);
  say(`${kind} (round ${round}): pid ${server.pid} on 127.0.0.1:${server.port}`);
  try {
    const rooms = await server.seed(options.rooms, options.clients);
    await sleep(1000);
    const before = await server.sample(true);
    const recorders: Recorders = { edits: new FanOutRecorder(), chat: new FanOutRecorder() };
    const connectStarted = performance.now();
    const connected = await connectRooms(
      server.port,
      rooms,
      recorders,
      false,
      () => {},
      server.framing,
    );
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    try {
      await sleep(2000);
      const justConnected = await server.sample(true);
      const editors = connected.flatMap((room) => room.editors);
      const stop = startEditing(editors, options.rate);
      let window: { start: ProcessSample; end: ProcessSample; generatorCpuMicros: number };
      try {
        await sleep(options.warmupSeconds * 1000);
        const start = await server.sample(false);
        const generatorBefore = process.cpuUsage();
        recorders.edits.measuring = true;
        await sleep(options.seconds * 1000);
        recorders.edits.measuring = false;
        const generator = process.cpuUsage(generatorBefore);
        const end = await server.sample(false);
        window = { start, end, generatorCpuMicros: generator.user + generator.system };
      } finally {
        stop();
      }
      const deadline = performance.now() + 5000;
      while (recorders.edits.missing() > 0 && performance.now() < deadline) await sleep(20);
      const loaded = await server.sample(true);
      const { start, end } = window;
      const cpuSystemMicros = end.cpu.system - start.cpu.system;
      return {
        kind,
        round,
        storage: server.storage,
        connectSeconds,
        latencies: Float64Array.from(recorders.edits.latencies()),
        sent: recorders.edits.sentMeasured,
        expectedDeliveries: recorders.edits.sentMeasured * (options.clients - 1),
        missing: recorders.edits.missing(),
        windowSeconds: (end.at - start.at) / 1000,
        cpuMicros: end.cpu.user - start.cpu.user + cpuSystemMicros,
        cpuSystemMicros,
        generatorCpuMicros: window.generatorCpuMicros,
        memory: { before, connected: justConnected, loaded },
        loadAverage: loadavg(),
        unexpectedCloses: editors.reduce((n, editor) => n + editor.closes, 0),
      };
    } finally {
      closeRooms(connected);
    }
  } finally {
    await server.stop();
  }
}
