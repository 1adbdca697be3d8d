import type { CompareOptions } from "./compare-options";
import { ratios, type ServerSummary } from "./summary";

export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

const text = (value: number | null) => (value === null ? "–" : String(value));

/** One row per server, then Teamaround's figures as multiples of each peer's. */
export function printComparison(
  options: CompareOptions,
  summaries: ServerSummary[],
  jsonPath: string,
): void {
  const load = `${options.rooms} rooms × ${options.clients} clients × ${options.rate} edit/s, ${options.seconds} s after ${options.warmupSeconds} s, ${options.repeats} round(s)`;
  const lines = ["", `Realtime comparison: ${load}`, ""];
  lines.push(
    ...table(
      [
        "server",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "missing",
        "edits/s",
        "CPU %core",
        "µs/delivery",
        "idle RSS MiB",
        "RSS KiB/room",
        "heap KiB/room",
        "edited",
      ],
      summaries.map((s) => [
        s.kind,
        text(s.fanOutMs.p50),
        text(s.fanOutMs.p95),
        text(s.fanOutMs.p99),
        text(s.fanOutMs.max),
        `${s.missing}/${s.expectedDeliveries}`,
        text(s.editsPerSecond),
        text(s.cpuPercentOfOneCore),
        text(s.cpuMicrosPerDelivery),
        text(s.idleRssMiB),
        text(s.rssPerRoomKiB),
        text(s.heapPerRoomKiB),
        text(s.heapPerEditedRoomKiB),
      ]),
    ),
  );
  const ours = summaries.find((s) => s.kind === "teamaround");
  const peers = summaries.filter((s) => s.kind !== "teamaround");
  if (ours && peers.length) {
    lines.push("", "Teamaround ÷ peer (above 1: Teamaround slower or bigger)", "");
    lines.push(
      ...table(
        ["peer", "p50", "p95", "p99", "µs/delivery", "idle RSS", "RSS/room", "heap/room", "edited"],
        peers.map((peer) => {
          const r = ratios(ours, peer);
          return [
            peer.kind,
            text(r.p50),
            text(r.p95),
            text(r.p99),
            text(r.cpuPerDelivery),
            text(r.idleRss),
            text(r.rssPerRoom),
            text(r.heapPerRoom),
            text(r.heapPerEditedRoom),
          ];
        }),
      ),
    );
  }
  const requested = options.rooms * options.clients * options.rate;
  for (const s of summaries) {
    if (s.editsPerSecond < requested * 0.95) {
      lines.push(
        `  ! ${s.kind}: the clients sent ${s.editsPerSecond} of ${requested} edits/s (machine too busy): its latencies include the generator's own queueing`,
      );
    }
  }
  lines.push("", "Storage:");
  for (const s of summaries) lines.push(`  ${s.kind}: ${s.storage}`);
  lines.push("", "Load generator and machine:");
  for (const s of summaries) {
    lines.push(
      `  ${s.kind}: generator ${s.generatorPercentOfOneCore}% of a core, connect ${s.connectSeconds} s, ${s.unexpectedCloses} closes, load average ${s.loadAverages.map((l) => l.join(" ")).join(" | ")}`,
    );
  }
  lines.push("", `JSON: ${jsonPath}`, "");
  process.stdout.write(`${lines.join("\n")}\n`);
}
