import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareUsage, readCompareOptions } from "./compare-options";
import { printComparison } from "./print-compare";
import { type CycleResult, runCycle } from "./run-cycle";
import { summarise } from "./summary";

const resultsDir = fileURLToPath(new URL("../../../results/", import.meta.url));

/**
 * The same load against Teamaround, Hocuspocus and y-websocket-server, in
 * turn (A B C A B C … for `--repeats`), each in a child process on fresh
 * storage; prints each one's figures and Teamaround's as multiples of theirs.
 */
async function main() {
  process.setMaxListeners(0);
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
  const options = readCompareOptions(args, process.env);
  if (!options) {
    process.stdout.write(`${compareUsage}\n`);
    return;
  }
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const cycles: CycleResult[] = [];
  for (let round = 1; round <= options.repeats; round++) {
    for (const kind of options.servers) cycles.push(await runCycle(kind, round, options));
  }
  const summaries = options.servers.map((kind) => summarise(kind, cycles, options.rooms));
  await mkdir(resultsDir, { recursive: true });
  const path = resolve(resultsDir, `compare-${startedAt.replace(/[:.]/g, "-")}.json`);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
  };
  const report = {
    date: startedAt,
    machine,
    options: { ...options, databaseUrl: "(set)" },
    summaries,
    rounds: cycles.map((c) => ({ round: c.round, ...summarise(c.kind, [c], options.rooms) })),
  };
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  printComparison(options, summaries, path);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
