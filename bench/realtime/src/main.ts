import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type ColdLoadResult, measureColdLoads } from "./cold-load";
import { GeneratorPool } from "./load/generator-pool";
import { runLoad } from "./load/run-load";
import { type BenchOptions, readOptions, usage } from "./options";
import { printReport } from "./print";
import { buildReport, type ConnectPhase } from "./report";
import { type ServerProcess, startServerProcess } from "./server-process";

const resultsDir = fileURLToPath(new URL("../../results/", import.meta.url));

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Each client holds two sockets (Yjs and socket.io); warn when the descriptor limit is too low. */
function checkDescriptorLimit(options: BenchOptions): void {
  const needed = options.rooms * options.clients * 2 + 256;
  const limit = execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim();
  say(`open-file limit ${limit}, about ${needed} needed per process`);
  if (limit !== "unlimited" && Number(limit) < needed) {
    throw new Error(`raise the open-file limit (ulimit -n ${needed}) or run fewer clients`);
  }
}

async function coldLoads(server: ServerProcess, options: BenchOptions) {
  const results: ColdLoadResult[] = [];
  if (options.coldDocuments === 0 || options.coldUpdates === 0) return results;
  for (const shape of options.coldShapes) {
    say(`cold load (${shape}): writing ${options.coldDocuments} × ${options.coldUpdates} updates`);
    const documents = await server.request({
      type: "seedColdDocuments",
      shape,
      count: options.coldDocuments,
      updates: options.coldUpdates,
    });
    const result = await measureColdLoads(server, documents, options.coldRepeats);
    const ms = (values: number[]) => values.map((n) => n.toFixed(1)).join(", ");
    say(`cold load (${shape}): before ${ms(result.beforeCompactionMs)} ms`);
    say(`cold load (${shape}): after ${ms(result.afterCompactionMs)} ms`);
    results.push(result);
  }
  return results;
}

async function heapSnapshot(server: ServerProcess, options: BenchOptions, when: string) {
  if (!options.heapSnapshotDir) return;
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), options.heapSnapshotDir);
  await mkdir(dir, { recursive: true });
  say(`server heap snapshot ${when}: ${await server.request({ type: "heapSnapshot", dir })}`);
}

/** How long every client took to connect and sync, and what that cost the server and the generator. */
async function measureConnect(
  server: ServerProcess,
  profileDir: string | null,
  connectAll: () => Promise<void>,
): Promise<ConnectPhase> {
  const before = await server.request({ type: "sample", gc: false });
  const generatorBefore = process.cpuUsage();
  if (profileDir) await server.request({ type: "profileStart" });
  const started = performance.now();
  await connectAll();
  const seconds = (performance.now() - started) / 1000;
  const profilePath = profileDir
    ? await server.request({ type: "profileStop", dir: profileDir })
    : null;
  const after = await server.request({ type: "sample", gc: false });
  const generatorCpu = process.cpuUsage(generatorBefore);
  const cpuSeconds = (cpu: NodeJS.CpuUsage) => (cpu.user + cpu.system) / 1e6;
  return {
    seconds,
    serverCpuSeconds: cpuSeconds(after.cpu) - cpuSeconds(before.cpu),
    serverEventLoopUtilization: after.eventLoopUtilization,
    generatorCpuSeconds: cpuSeconds(generatorCpu),
    profilePath,
  };
}

async function bench(server: ServerProcess, options: BenchOptions, profileDir: string | null) {
  say(`seeding ${options.rooms} rooms × ${options.clients} people`);
  const rooms = await server.request({
    type: "seedRooms",
    rooms: options.rooms,
    clients: options.clients,
  });
  await sleep(options.unloadDelayMs + 500);
  const before = await server.request({ type: "sample", gc: true });
  await heapSnapshot(server, options, "before");
  const generators = await GeneratorPool.start(
    { port: server.port, rooms, meetings: options.meetings },
    options.generatorThreads,
  );
  try {
    const connect = await measureConnect(server, profileDir, () =>
      generators.connect((n) => say(`connected ${n}/${rooms.length} rooms`)),
    );
    if (connect.profilePath) say(`server CPU profile of connecting: ${connect.profilePath}`);
    await sleep(2000);
    const justConnected = await server.request({ type: "sample", gc: true });
    say(`warm-up ${options.warmupSeconds} s, then measuring ${options.seconds} s`);
    const { window, results } = await runLoad(server, generators, {
      rate: options.rate,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      chatIntervalSeconds: options.chatIntervalSeconds,
      drainMs: 5000,
      profileDir,
    });
    if (window.profilePath) say(`server CPU profile of the window: ${window.profilePath}`);
    const loaded = await server.request({ type: "sample", gc: true });
    await heapSnapshot(server, options, "loaded");
    await generators.close();
    // Afterwards, on a warm server with the rooms gone: documents that are loaded cold in production
    // are loaded by a process that has long been running.
    const cold = await coldLoads(server, options);
    return buildReport({
      options,
      connect,
      memory: { before, connected: justConnected, loaded },
      window,
      recorders: { edits: results.edits, chat: results.chat },
      health: results.health,
      coldLoads: cold,
    });
  } finally {
    await generators.close();
  }
}

async function main() {
  // Every y-websocket provider listens for the process's exit.
  process.setMaxListeners(0);
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
  const options = readOptions(args, process.env);
  if (!options) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  checkDescriptorLimit(options);
  const profileDir = options.cpuProfileDir
    ? resolve(process.env.INIT_CWD ?? process.cwd(), options.cpuProfileDir)
    : null;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const server = await startServerProcess({ unloadDelayMs: options.unloadDelayMs });
  say(`server pid ${server.pid} listening on 127.0.0.1:${server.port}`);
  try {
    const report = await bench(server, options, profileDir);
    await mkdir(resultsDir, { recursive: true });
    const stamp = report.date.replace(/[:.]/g, "-");
    const path = resolve(resultsDir, `realtime-${stamp}.json`);
    await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
    printReport(report, path);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
