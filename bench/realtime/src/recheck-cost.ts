import { buildScenario } from "@teamaround/db/testing";
import {
  type Client,
  connectClient,
  cookieFor,
  startTestRealtime,
} from "@teamaround/realtime/testing";
import { openBenchDatabase } from "./server/database";

/**
 * What the periodic access re-check costs with many connections open, in
 * one process with the real server: prints the figures. Moved out of the
 * test suite, where a measurement cannot fail and only costs time.
 *
 *   pnpm --filter @teamaround/bench bench:recheck [connections]   (default 600)
 *
 * With DATABASE_URL, on a fresh PostgreSQL database; otherwise on PGlite.
 */
const runs = 20;

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const wanted = Number(args[0] ?? 600);
  if (!Number.isInteger(wanted) || wanted < 1) {
    throw new Error(`connections must be a positive whole number, not ${args[0]}`);
  }
  // Every y-websocket provider listens for the process exit.
  process.setMaxListeners(0);
  const database = await openBenchDatabase(process.env.DATABASE_URL);
  const { db } = database.handle;
  const node = await startTestRealtime(db, { maxConnectionsPerUser: 1000 }, { accessRecheckMs: 0 });
  const clients: Client[] = [];
  try {
    // Four people per family, each with the documents they may open.
    while (clients.length < wanted) {
      const s = await buildScenario(db);
      for (const person of [
        s.users.lead,
        s.users.teamMember,
        s.users.manager,
        s.users.parentUser,
      ]) {
        const cookie = await cookieFor(db, person.id);
        for (const kind of ["plan", "voice", "notes"]) {
          if (kind === "notes" && person === s.users.parentUser) continue;
          clients.push(connectClient(node.url, `${kind}:${s.family.id}`, cookie));
        }
      }
    }
    await Promise.all(clients.map((c) => c.synced));
    const wall: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const closed = await node.realtime.recheckAccess();
      if (closed !== 0)
        throw new Error(`the re-check closed ${closed} connections that keep access`);
      wall.push(performance.now() - started);
    }
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await node.realtime.recheckAccess();
    const mean = (performance.now() - t0) / runs;
    const cpu = process.cpuUsage(cpuBefore);
    wall.sort((a, b) => a - b);
    const p50 = wall[Math.floor(runs / 2)] ?? 0;
    const max = wall.at(-1) ?? 0;
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    const where =
      database.handle.kind === "pglite"
        ? "PGlite, whose query work counts as our CPU"
        : "PostgreSQL";
    console.info(
      `re-check of ${clients.length} connections (${where}): wall p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms, mean ${mean.toFixed(1)} ms; CPU ${cpuMs.toFixed(1)} ms per run`,
    );
  } finally {
    for (const client of clients) client.destroy();
    await node.close();
    await database.dispose();
  }
}

await main();
