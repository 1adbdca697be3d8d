import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { executeRows, openDocumentAppender } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { table } from "./compare/print-compare";
import { distribution } from "./load/latency";
import { openBenchDatabase } from "./server/database";

const usage = `Usage: pnpm bench:commit-floor [--count 2000] [--rate 100]
What one durable write costs on this database, with nothing else running: a
bare one-row commit, and the realtime group commit's append of 1 and of 10
updates, each --count times at --rate per second (0: back to back).
Set DATABASE_URL for PostgreSQL (a fresh database, dropped afterwards);
without it, a file-backed PGlite.`;

/** A keystroke's update, about the size the web editor sends. */
const keystroke = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) % 256);

async function timed(count: number, rate: number, write: () => Promise<unknown>) {
  const latencies = new Float64Array(count);
  const gapMs = rate > 0 ? 1000 / rate : 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + i * gapMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    await write();
    latencies[i] = performance.now() - t;
  }
  return distribution(latencies);
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--")),
    options: { count: { type: "string" }, rate: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const count = Number(values.count ?? 2000);
  const rate = Number(values.rate ?? 100);
  if (!(count >= 1 && rate >= 0)) throw new Error("--count must be ≥ 1 and --rate ≥ 0");
  const bench = await openBenchDatabase(process.env.DATABASE_URL);
  try {
    const { db } = bench.handle;
    const { family } = await buildScenario(db);
    const documentName = formatDocumentName({ kind: "plan", familyId: family.id });
    await db.execute(sql`create table commit_floor_probe (n int)`);
    const appender = openDocumentAppender(db);
    try {
      const rows = (n: number) =>
        Array.from({ length: n }, () => ({ documentName, familyId: family.id, update: keystroke }));
      const one = rows(1);
      const ten = rows(10);
      const runs: [string, () => Promise<unknown>][] = [
        [
          "bare commit (one-row insert)",
          () => executeRows(db, sql`insert into commit_floor_probe values (1)`),
        ],
        ["group commit, 1 update", () => appender.append(one)],
        ["group commit, 10 updates", () => appender.append(ten)],
      ];
      const results: string[][] = [];
      for (const [what, write] of runs) {
        await timed(Math.min(100, count), 0, write); // warm: statements prepared, caches filled
        const d = await timed(count, rate, write);
        const ms = (n: number) => n.toFixed(2);
        results.push([what, ms(d.p50), ms(d.p95), ms(d.p99), ms(d.max)]);
      }
      process.stdout.write(
        `\nDurable write floor: ${bench.handle.kind}, ${count} writes each at ${rate || "full speed"}/s\n\n`,
      );
      process.stdout.write(
        `${table(["write", "p50 ms", "p95 ms", "p99 ms", "max ms"], results).join("\n")}\n`,
      );
    } finally {
      await appender.close();
    }
  } finally {
    await bench.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
