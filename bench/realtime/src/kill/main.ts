import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { defaultDatabaseUrl, serversOf } from "../compare/compare-options";
import type { ServerKind } from "../peers/peer-protocol";
import { killableServer } from "./killable-server";
import { runTrial, type TrialResult } from "./run-trial";

const resultsDir = fileURLToPath(new URL("../../../results/", import.meta.url));
const say = (line: string) => process.stderr.write(`[kill] ${line}\n`);

const usage = `Usage: pnpm bench:kill [--trials 20] [--peer-trials 5] [--clients 3] [--rate 20]
  [--kill-after 1,12] [--servers teamaround,hocuspocus,y-websocket-server]
Each server in turn: the clients of a fresh room edit steadily (--rate per client
per second), the server is killed with SIGKILL at a random moment (seconds after
the editing starts, uniformly in --kill-after), restarted on the same storage and
port, and a fresh client reads what it serves. Acknowledged = received by another
client (relayed by the server). Teamaround and Hocuspocus store to PostgreSQL at
DATABASE_URL (default ${defaultDatabaseUrl}), y-websocket-server to LevelDB.`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      trials: { type: "string" },
      "peer-trials": { type: "string" },
      clients: { type: "string" },
      rate: { type: "string" },
      "kill-after": { type: "string" },
      servers: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return null;
  const [min = 1, max = 12] = (values["kill-after"] ?? "1,12").split(",").map(Number);
  if (!(min >= 0 && max >= min)) throw new Error("--kill-after takes MIN,MAX seconds");
  return {
    trials: Number(values.trials ?? 20),
    peerTrials: Number(values["peer-trials"] ?? 5),
    clients: Number(values.clients ?? 3),
    rate: Number(values.rate ?? 20),
    killAfter: [min, max] as [number, number],
    servers: serversOf(values.servers),
    databaseUrl: process.env.DATABASE_URL || defaultDatabaseUrl,
  };
}

async function trialsOf(kind: ServerKind, opts: NonNullable<ReturnType<typeof options>>) {
  const trials = kind === "teamaround" ? opts.trials : opts.peerTrials;
  const server = await killableServer(kind, opts.databaseUrl, trials, opts.clients);
  const results: TrialResult[] = [];
  try {
    await server.start();
    for (const room of server.rooms) {
      const result = await runTrial(server, room, opts);
      say(
        `${kind} trial ${results.length + 1}/${trials}: killed after ${(result.killAfterMs / 1000).toFixed(2)} s, ${result.lost} of ${result.acknowledged} acknowledged lost (${result.sent} sent), ${result.missingAfterReconnect} missing after the clients reconnected`,
      );
      results.push(result);
    }
    return { kind, storage: server.storage, results };
  } finally {
    await server.dispose();
  }
}

async function main() {
  process.setMaxListeners(0);
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
  const opts = options(args);
  if (!opts) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const date = new Date().toISOString();
  const loadBefore = loadavg();
  const servers = [];
  for (const kind of opts.servers) servers.push(await trialsOf(kind, opts));
  const lines = [
    "",
    `kill -9 trials (${opts.clients} clients × ${opts.rate} edits/s, kill ${opts.killAfter.join("–")} s after the start)`,
    "",
  ];
  for (const { kind, storage, results } of servers) {
    const sum = (pick: (r: TrialResult) => number) => results.reduce((n, r) => n + pick(r), 0);
    const acknowledged = sum((r) => r.acknowledged);
    const lost = sum((r) => r.lost);
    const share = acknowledged ? ((100 * lost) / acknowledged).toFixed(1) : "–";
    const trialsLosing = results.filter((r) => r.lost > 0).length;
    lines.push(
      `  ${kind.padEnd(18)}  ${lost} / ${acknowledged} acknowledged lost (${share} %), in ${trialsLosing} of ${results.length} trials; ${sum((r) => r.missingAfterReconnect)} still missing after the clients reconnected`,
      `  ${"".padEnd(18)}  storage: ${storage}`,
    );
  }
  await mkdir(resultsDir, { recursive: true });
  const path = resolve(resultsDir, `kill-${date.replace(/[:.]/g, "-")}.json`);
  const machine = {
    cpus: cpus().length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
  };
  const report = { date, machine, options: { ...opts, databaseUrl: "(set)" }, servers };
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  lines.push("", `JSON: ${path}`, "");
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
