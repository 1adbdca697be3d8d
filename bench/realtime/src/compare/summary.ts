import { distribution } from "../load/latency";
import type { ServerKind } from "../peers/peer-protocol";
import type { CycleResult } from "./run-cycle";

const KiB = 1024;
const MiB = 1024 * 1024;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Every round of one server pooled: latencies together, CPU over all windows, memory's median. */
export function summarise(kind: ServerKind, cycles: readonly CycleResult[], rooms: number) {
  const all = cycles.filter((c) => c.kind === kind);
  const total = all.reduce((n, c) => n + c.latencies.length, 0);
  const latencies = new Float64Array(total);
  let offset = 0;
  for (const c of all) {
    latencies.set(c.latencies, offset);
    offset += c.latencies.length;
  }
  const d = distribution(latencies);
  const sum = (pick: (c: CycleResult) => number) => all.reduce((n, c) => n + pick(c), 0);
  const expected = sum((c) => c.expectedDeliveries);
  const cpu = sum((c) => c.cpuMicros);
  const seconds = sum((c) => c.windowSeconds);
  const perRoom = (c: CycleResult, key: "rss" | "heapUsed", when: "connected" | "loaded") =>
    (c.memory[when].memory[key] - c.memory.before.memory[key]) / rooms / KiB;
  return {
    kind,
    rounds: all.length,
    storage: all[0]?.storage ?? "",
    fanOutMs: { p50: round(d.p50), p95: round(d.p95), p99: round(d.p99), max: round(d.max) },
    deliveries: total,
    expectedDeliveries: expected,
    missing: sum((c) => c.missing),
    editsPerSecond: round(sum((c) => c.sent) / seconds),
    cpuPercentOfOneCore: round((cpu / 1e6 / seconds) * 100),
    kernelShare: cpu > 0 ? round(sum((c) => c.cpuSystemMicros) / cpu, 2) : 0,
    cpuMicrosPerDelivery: expected > 0 ? round(cpu / expected, 2) : null,
    idleRssMiB: round(median(all.map((c) => c.memory.before.memory.rss)) / MiB),
    idleHeapMiB: round(median(all.map((c) => c.memory.before.memory.heapUsed)) / MiB),
    rssPerRoomKiB: round(median(all.map((c) => perRoom(c, "rss", "connected")))),
    heapPerRoomKiB: round(median(all.map((c) => perRoom(c, "heapUsed", "connected")))),
    /** After the window, every room still connected and just edited (a full GC first). */
    heapPerEditedRoomKiB: round(median(all.map((c) => perRoom(c, "heapUsed", "loaded")))),
    connectSeconds: round(median(all.map((c) => c.connectSeconds))),
    generatorPercentOfOneCore: round((sum((c) => c.generatorCpuMicros) / 1e6 / seconds) * 100),
    unexpectedCloses: sum((c) => c.unexpectedCloses),
    loadAverages: all.map((c) => c.loadAverage.map((n) => round(n, 2))),
  };
}

export type ServerSummary = ReturnType<typeof summarise>;

/** Teamaround's figure ÷ the peer's: above 1, Teamaround costs more (slower, more CPU or memory). */
export function ratios(teamaround: ServerSummary, peer: ServerSummary) {
  const ratio = (ours: number | null, theirs: number | null) =>
    ours === null || theirs === null || theirs <= 0 ? null : round(ours / theirs, 2);
  return {
    p50: ratio(teamaround.fanOutMs.p50, peer.fanOutMs.p50),
    p95: ratio(teamaround.fanOutMs.p95, peer.fanOutMs.p95),
    p99: ratio(teamaround.fanOutMs.p99, peer.fanOutMs.p99),
    cpuPerDelivery: ratio(teamaround.cpuMicrosPerDelivery, peer.cpuMicrosPerDelivery),
    idleRss: ratio(teamaround.idleRssMiB, peer.idleRssMiB),
    rssPerRoom: ratio(teamaround.rssPerRoomKiB, peer.rssPerRoomKiB),
    heapPerRoom: ratio(teamaround.heapPerRoomKiB, peer.heapPerRoomKiB),
    heapPerEditedRoom: ratio(teamaround.heapPerEditedRoomKiB, peer.heapPerEditedRoomKiB),
  };
}
