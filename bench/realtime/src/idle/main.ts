import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { defaultDatabaseUrl, serversOf } from "../compare/compare-options";
import { table } from "../compare/print-compare";
import { startServer } from "../compare/servers";
import type { ProcessSample } from "../peers/peer-protocol";

const usage = `Usage: pnpm bench:idle [--settle-seconds 60] [--servers teamaround,hocuspocus,y-websocket-server]
Starts each server in turn (bundled, in a child process, on fresh storage, as
bench:compare does), then samples its memory after a full GC at 1 s and every
15 s until --settle-seconds. V8 gives back the young generation a start-up grew
only after a while without allocation, so a server's memory at rest is the
settled figure, not the first.`;

const MiB = 1024 * 1024;

async function main() {
  const { values } = parseArgs({
    options: {
      "settle-seconds": { type: "string" },
      servers: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return console.info(usage);
  const settleSeconds = Number(values["settle-seconds"] ?? "60");
  if (!Number.isFinite(settleSeconds) || settleSeconds < 1) throw new Error(usage);
  const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
  const rows: string[][] = [];
  for (const kind of serversOf(values.servers)) {
    const server = await startServer(kind, { databaseUrl, unloadDelayMs: 1000 });
    try {
      await server.seed(1, 1);
      const samples: { second: number; sample: ProcessSample }[] = [];
      for (let second = 1; second <= settleSeconds; second = next(second, settleSeconds)) {
        await sleep((second - (samples.at(-1)?.second ?? 0)) * 1000);
        samples.push({ second, sample: await server.sample(true) });
      }
      for (const { second, sample } of samples) {
        const { rss, heapUsed, heapTotal } = sample.memory;
        rows.push([kind, String(second), mib(rss), mib(heapTotal), mib(heapUsed)]);
      }
    } finally {
      await server.stop();
    }
  }
  const header = ["server", "after s", "RSS MiB", "heap committed MiB", "heap used MiB"];
  for (const line of table(header, rows)) console.info(line);
}

function next(second: number, last: number): number {
  if (second === last) return last + 1;
  return Math.min(second === 1 ? 15 : second + 15, last);
}

const mib = (bytes: number) => (bytes / MiB).toFixed(1);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
