import { cpus, totalmem } from "node:os";
import { histogramQuantile } from "@teamaround/realtime";
import type { ColdLoadResult } from "./cold-load";
import type { RecordedFanOut } from "./load/generator-protocol";
import { type Distribution, distribution } from "./load/latency";
import type { LoadWindow } from "./load/run-load";
import type { BenchOptions } from "./options";
import type { ServerSample } from "./protocol";

const KiB = 1024;
const MiB = 1024 * 1024;

export interface Targets {
  fanOutP99Ms: number;
  cpuMicrosPerDelivered: number;
  kibPerRoom: number;
  coldLoadAfterCompactionMs: number;
}

export const targets: Targets = {
  fanOutP99Ms: 30,
  cpuMicrosPerDelivered: 30,
  kibPerRoom: 150,
  coldLoadAfterCompactionMs: 50,
};

export interface MemorySamples {
  /** Rooms seeded, before any client connected (after a full GC). */
  before: ServerSample;
  /** Two seconds after every room connected (after a full GC). */
  connected: ServerSample;
  /** After the measured window, every room still connected and edited (after a full GC). */
  loaded: ServerSample;
}

export interface ClientHealth {
  unexpectedCloses: number;
  chatFailures: number;
  meetingDisconnects: number;
  /** Chat failures and meeting disconnects by reason. */
  meetingTroubles: Record<string, number>;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function roundDistribution(d: Distribution): Distribution {
  return {
    count: d.count,
    p50: round(d.p50),
    p95: round(d.p95),
    p99: round(d.p99),
    max: round(d.max),
    mean: round(d.mean),
  };
}

function quantilesBetween(before: readonly number[], after: readonly number[]) {
  const counts = after.map((n, i) => n - (before[i] ?? 0));
  return { p50: histogramQuantile(counts, 0.5), p99: histogramQuantile(counts, 0.99) };
}

/** The ramp-up: every client connected, authenticated, synced (and in its meeting). */
export interface ConnectPhase {
  seconds: number;
  serverCpuSeconds: number;
  /** The server's event loop over the ramp-up (0–1). */
  serverEventLoopUtilization: number;
  /** The whole load-generator process, every thread. */
  generatorCpuSeconds: number;
  profilePath: string | null;
}

/** Everything measured, as written to the JSON file. */
export function buildReport(input: {
  options: BenchOptions;
  connect: ConnectPhase;
  memory: MemorySamples;
  window: LoadWindow;
  recorders: { edits: RecordedFanOut; chat: RecordedFanOut };
  health: ClientHealth;
  coldLoads: ColdLoadResult[];
}) {
  const { options, memory, window, recorders } = input;
  const { start, end } = window;
  const serverSeconds = (end.at - start.at) / 1000;
  const accepted = end.stats.updatesAccepted - start.stats.updatesAccepted;
  const commits = end.stats.commits - start.stats.commits;
  const peers = options.clients - 1;
  const cpuMicros = end.cpu.user - start.cpu.user + (end.cpu.system - start.cpu.system);
  const perRoom = (sample: ServerSample, key: "rss" | "heapUsed" | "external") =>
    (sample.memory[key] - memory.before.memory[key]) / options.rooms / KiB;
  const rssPerRoom = perRoom(memory.connected, "rss");
  const fanOut = roundDistribution(distribution(recorders.edits.latencies));
  const typing = input.coldLoads.find((c) => c.shape === "typing");
  const after = typing?.afterCompactionMs ?? [];
  const coldAfterMedian = after.length ? distribution(Float64Array.from(after)).p50 : null;
  const perDelivered = accepted > 0 ? cpuMicros / (accepted * peers) : null;
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: round(totalmem() / 1024 / MiB),
      node: process.version,
    },
    database: end.dbKind,
    options: { ...options, databaseUrl: options.databaseUrl ? "(set)" : undefined },
    rooms: {
      rooms: options.rooms,
      clientsPerRoom: options.clients,
      yjsConnections: end.stats.connections,
      connectSeconds: round(input.connect.seconds),
      connectServerCpuSeconds: round(input.connect.serverCpuSeconds, 2),
      connectServerEventLoopUtilization: round(input.connect.serverEventLoopUtilization, 3),
      connectGeneratorCpuSeconds: round(input.connect.generatorCpuSeconds, 2),
    },
    edits: {
      windowSeconds: round(serverSeconds, 2),
      sentPerSecond: round(recorders.edits.sentMeasured / window.clientSeconds),
      acceptedPerSecond: round(accepted / serverSeconds),
      accepted,
      expectedDeliveries: recorders.edits.sentMeasured * peers,
      delivered: recorders.edits.delivered,
      missing: recorders.edits.missing,
      fanOutMs: fanOut,
    },
    chat: {
      sent: recorders.chat.sentMeasured,
      delivered: recorders.chat.delivered,
      missing: recorders.chat.missing,
      fanOutMs: roundDistribution(distribution(recorders.chat.latencies)),
    },
    server: {
      cpuMicros,
      cpuSystemMicros: end.cpu.system - start.cpu.system,
      cpuPercentOfOneCore: round((cpuMicros / 1e6 / serverSeconds) * 100),
      cpuMicrosPerDeliveredUpdate: perDelivered === null ? null : round(perDelivered, 2),
      eventLoopUtilization: round(end.eventLoopUtilization, 3),
      eventLoopDelayMs: end.eventLoopDelayMs,
      commitsPerSecond: round(commits / serverSeconds),
      /** Bucket bounds (ms) under which half and 99 % of the window's commits fell, and of its updates' accepted → stored. */
      commitMs: quantilesBetween(start.stats.commitMs, end.stats.commitMs),
      storeDelayMs: quantilesBetween(start.stats.storeDelayMs, end.stats.storeDelayMs),
      updatesPerCommit: commits > 0 ? round(accepted / commits, 2) : null,
      memoryMiB: Object.fromEntries(
        (["before", "connected", "loaded"] as const).map((when) => [
          when,
          {
            rss: round(memory[when].memory.rss / MiB),
            heapUsed: round(memory[when].memory.heapUsed / MiB),
            external: round(memory[when].memory.external / MiB),
          },
        ]),
      ) as Record<keyof MemorySamples, { rss: number; heapUsed: number; external: number }>,
      perRoomKiB: {
        rss: round(rssPerRoom),
        heapUsed: round(perRoom(memory.connected, "heapUsed")),
        external: round(perRoom(memory.connected, "external")),
        rssAfterWindow: round(perRoom(memory.loaded, "rss")),
        heapUsedAfterWindow: round(perRoom(memory.loaded, "heapUsed")),
      },
      stats: end.stats,
    },
    generator: {
      cpuPercentOfOneCore: round((window.generatorCpuMicros / 1e6 / window.clientSeconds) * 100),
      eventLoopUtilization: round(window.generatorEventLoopUtilization, 3),
    },
    machineLoad: {
      busyPercentOfAllCores: round(
        (window.machineBusyMicros / 1e6 / window.clientSeconds / window.cores) * 100,
      ),
      /** Everything else (the database, other people's processes), in % of one core. */
      // Kernel tick accounting against per-process counters: approximate, clamped at 0.
      othersPercentOfOneCore: round(
        Math.max(0, window.machineBusyMicros - window.generatorCpuMicros - cpuMicros) /
          1e4 /
          window.clientSeconds,
      ),
      loadAverage: window.loadAverage.map((n) => round(n, 2)),
    },
    clientHealth: input.health,
    coldLoads: input.coldLoads.map((c) => ({
      ...c,
      beforeCompactionMs: c.beforeCompactionMs.map((n) => round(n)),
      compactionMs: c.compactionMs.map((n) => round(n)),
      afterCompactionMs: c.afterCompactionMs.map((n) => round(n)),
    })),
    targets: [
      check("fan-out p99 (ms)", fanOut.p99, targets.fanOutP99Ms),
      check("server CPU µs / delivered update", perDelivered, targets.cpuMicrosPerDelivered, true),
      check("KiB per loaded room (RSS, just connected)", rssPerRoom, targets.kibPerRoom, true),
      check(
        "cold load after compaction, median (ms)",
        coldAfterMedian,
        targets.coldLoadAfterCompactionMs,
      ),
    ],
  };
}

export type Report = ReturnType<typeof buildReport>;

function check(name: string, measured: number | null, limit: number, inclusive = false) {
  const met = (value: number) => (inclusive ? value <= limit : value < limit);
  return {
    name,
    target: `${inclusive ? "≤" : "<"} ${limit}`,
    measured: measured === null ? null : round(measured, 2),
    met: measured === null ? null : met(measured),
  };
}
