import type { Distribution } from "./load/latency";
import type { Report } from "./report";

const ms = (d: Distribution) =>
  `p50 ${d.p50}  p95 ${d.p95}  p99 ${d.p99}  max ${d.max}  (n=${d.count})`;
const list = (values: readonly number[]) => values.map((v) => v.toFixed(1)).join(", ");

function rows(report: Report): [string, string][] {
  const { edits, chat, server, rooms, generator, coldLoads } = report;
  const out: [string, string][] = [
    ["database", `${report.database} (${report.machine.cpus} cores, node ${report.machine.node})`],
    [
      "rooms × clients",
      `${rooms.rooms} × ${rooms.clientsPerRoom} (${rooms.yjsConnections} Yjs + as many socket.io), connected in ${rooms.connectSeconds} s`,
    ],
    [
      "while connecting",
      `server CPU ${rooms.connectServerCpuSeconds} s (event loop ${Math.round(rooms.connectServerEventLoopUtilization * 100)}% busy), generator CPU ${rooms.connectGeneratorCpuSeconds} s`,
    ],
    ["window", `${edits.windowSeconds} s after ${report.options.warmupSeconds} s warm-up`],
    ["edits/s sent (clients)", String(edits.sentPerSecond)],
    ["edits/s accepted (server)", String(edits.acceptedPerSecond)],
    ["deliveries", `${edits.delivered} of ${edits.expectedDeliveries} (${edits.missing} missing)`],
    ["fan-out latency ms", ms(edits.fanOutMs)],
    ["chat fan-out ms", `${ms(chat.fanOutMs)}; ${chat.sent} sent, ${chat.missing} missing`],
    [
      "server CPU",
      `${server.cpuPercentOfOneCore}% of one core (${Math.round((100 * server.cpuSystemMicros) / server.cpuMicros)}% in the kernel), event loop ${Math.round(server.eventLoopUtilization * 100)}% busy`,
    ],
    [
      "server event-loop delay ms",
      `p50 ${server.eventLoopDelayMs.p50}  p99 ${server.eventLoopDelayMs.p99}  max ${server.eventLoopDelayMs.max}`,
    ],
    ["server CPU µs / delivered update", String(server.cpuMicrosPerDeliveredUpdate)],
    [
      "group commits/s",
      `${server.commitsPerSecond} (${server.updatesPerCommit} updates each, one every ${Math.round(1000 / server.commitsPerSecond)} ms)`,
    ],
    [
      "durable path ms (bucket bounds)",
      `each update accepted → stored p50 ≤ ${server.storeDelayMs.p50}, p99 ≤ ${server.storeDelayMs.p99}; each commit p50 ≤ ${server.commitMs.p50}, p99 ≤ ${server.commitMs.p99}`,
    ],
    [
      "server memory MiB (rss/heap)",
      (["before", "connected", "loaded"] as const)
        .map((when) => `${when} ${server.memoryMiB[when].rss}/${server.memoryMiB[when].heapUsed}`)
        .join(" → "),
    ],
    [
      "per loaded room KiB",
      `RSS ${server.perRoomKiB.rss}, heap ${server.perRoomKiB.heapUsed} just connected; after the window RSS ${server.perRoomKiB.rssAfterWindow}, heap ${server.perRoomKiB.heapUsedAfterWindow}`,
    ],
    [
      "load generator",
      `${generator.cpuPercentOfOneCore}% of one core, event loop ${Math.round(generator.eventLoopUtilization * 100)}% busy`,
    ],
    [
      "machine",
      `${report.machineLoad.busyPercentOfAllCores}% of all cores busy; the rest (database, other processes) ${report.machineLoad.othersPercentOfOneCore}% of one core; load ${report.machineLoad.loadAverage.join(" ")}`,
    ],
    [
      "client trouble",
      `${report.clientHealth.unexpectedCloses} Yjs closes, ${report.clientHealth.meetingDisconnects} meeting disconnects, ${report.clientHealth.chatFailures} chat failures`,
    ],
    ...Object.entries(report.clientHealth.meetingTroubles).map(
      ([reason, count]): [string, string] => [`  ${reason}`, String(count)],
    ),
  ];
  for (const c of coldLoads) {
    const label = `cold load, ${c.shape}`;
    out.push(
      [label, `${c.updates} updates, ${c.logBytes} bytes logged, ${c.documents} documents`],
      [`  before compaction ms`, list(c.beforeCompactionMs)],
      [`  compaction ms (≈, polled)`, list(c.compactionMs)],
      [`  snapshot bytes`, c.snapshotBytes.join(", ")],
      [`  after compaction ms`, list(c.afterCompactionMs)],
    );
  }
  return out;
}

/** What makes the figures less than clean: a saturated generator, a busy machine. */
function caveats(report: Report): string[] {
  const out: string[] = [];
  if (report.generator.eventLoopUtilization > 0.85) {
    out.push("the load generator's event loop was saturated: latencies include its own queueing");
  }
  if (report.machineLoad.othersPercentOfOneCore > 50) {
    out.push("other processes (the database, others' work) used much of the machine meanwhile");
  }
  if (
    report.edits.sentPerSecond <
    report.options.rooms * report.options.clients * report.options.rate * 0.95
  ) {
    out.push("the clients could not send at the requested rate");
  }
  return out;
}

/** The figures as a readable two-column table, then the targets. */
export function printReport(report: Report, jsonPath: string): void {
  const table = rows(report);
  const width = Math.max(...table.map(([k]) => k.length));
  const lines = ["", "Realtime benchmark", ...table.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
  lines.push(...caveats(report).map((c) => `  ! ${c}`));
  lines.push("", "Targets");
  for (const t of report.targets) {
    const verdict = t.met === null ? "n/a" : t.met ? "met" : "MISSED";
    lines.push(
      `  ${t.name.padEnd(width)}  ${String(t.measured).padStart(8)}  ${t.target.padEnd(6)} ${verdict}`,
    );
  }
  lines.push("", `JSON: ${jsonPath}`, "");
  process.stdout.write(`${lines.join("\n")}\n`);
}
