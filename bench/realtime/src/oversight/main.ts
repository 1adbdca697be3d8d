import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "@teamaround/db";
import { generateAuthority } from "@teamaround/db/generate";
import { figureSplits } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { startApiProcess } from "./api-process";
import { createBenchDatabase } from "./bench-database";
import { oversightUsage, readOversightOptions } from "./oversight-options";
import { benchPersonas } from "./personas";
import { type RouteResult, steadyLoad } from "./steady-load";

const resultsDir = fileURLToPath(new URL("../../../results/", import.meta.url));
const log = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(8) : "       -");

/**
 * The API's scheduler writes the generated authority's "due tomorrow" notices
 * and digests on its first pass, and its worker sends them: a burst a server
 * that had been running would have sent long ago. Wait for the outbox to
 * drain (bounded), so the measured requests do not share the machine with it.
 */
async function outboxSettled(handle: DatabaseHandle) {
  const start = performance.now();
  const due = async () => {
    const rows = (await handle.db.execute(
      sql`select count(*)::int as n from notices where status = 'pending' and next_attempt_at <= now()`,
    )) as unknown as { n: number }[];
    return rows[0]?.n ?? 0;
  };
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  let left = await due();
  while (left > 0 && performance.now() - start < 180_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    left = await due();
  }
  const sent = (await handle.db.execute(
    sql`select count(*)::int as n from notices where status = 'sent'`,
  )) as unknown as { n: number }[];
  log(
    `outbox: ${sent[0]?.n ?? 0} notices sent, ${left} still due after ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
}

async function main() {
  const options = readOversightOptions(process.argv.slice(2));
  if (!options) return log(oversightUsage);
  const database = await createBenchDatabase(options.databaseUrl, options.reuse);
  log(`database ${database.name}`);
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;
  let generationSeconds: number | null = null;
  let rows: Record<string, number> | null = null;
  if (!options.reuse) {
    const setup = await createDatabase({ kind: "postgres", url: database.url, maxConnections: 1 });
    await migrateDatabase(setup);
    await setup.close();
    await database.fastLoad(true);
    // Not prepared: every multi-row INSERT has its own text (its row count), and
    // keeping each one prepared per connection filled the heap at 40,000 families.
    const loader = await createDatabase({
      kind: "postgres",
      url: database.url,
      maxConnections: 4,
      preparedStatements: false,
    });
    const generationStart = performance.now();
    try {
      ({ rows } = await generateAuthority(loader.db, {
        families: options.families,
        years: options.years,
        staff: options.staff,
        seed: options.seed,
        sliceSize: 2000,
        onSlice: (written) => {
          if (written % 10_000 === 0 || written === options.families) {
            log(
              `  ${written} families (${((performance.now() - generationStart) / 1000).toFixed(0)} s)`,
            );
          }
        },
      }));
    } catch (error) {
      await loader.close();
      if (options.keep) await database.keep();
      else await database.drop();
      throw error;
    }
    await loader.close();
    await database.fastLoad(false);
    generationSeconds = (performance.now() - generationStart) / 1000;
    log(`generated in ${generationSeconds.toFixed(0)} s: ${JSON.stringify(rows)}`);
  }
  const handle = await createDatabase({ kind: "postgres", url: database.url, maxConnections: 4 });
  try {
    // The API migrates on start; the planner needs statistics of the fresh rows,
    // and index-only reads the visibility map autovacuum would set after a bulk load.
    await migrateDatabase(handle);
    await handle.db.execute(sql`vacuum analyze`);
    const sizes = (await handle.db.execute(
      sql`select (select count(*) from families)::int as families, (select count(*) from episodes)::int as episodes,
          (select count(*) from actions)::int as actions, (select count(*) from users where role <> 'family_member')::int as staff,
          pg_size_pretty(pg_database_size(current_database())) as size`,
    )) as unknown as Record<string, unknown>[];
    log(`sizes: ${JSON.stringify(sizes[0])}`);

    const people = await benchPersonas(handle.db);
    log(
      `manager's team leads ${people.manager.openCases} open cases; the busy lead owns ${people.lead.openActions} open actions; the largest service holds ${people.serviceManager.families} families`,
    );
    api = await startApiProcess(database.url);
    await outboxSettled(handle);
    const routes = [
      // The floor: a signed-in request that reads no list and writes no audit row.
      { name: "floor: who am I (manager)", path: "/api/me", cookie: people.manager.cookie },
      { name: "drift queue (manager)", path: "/api/manager/drift", cookie: people.manager.cookie },
      {
        name: "drift queue (service manager)",
        path: "/api/manager/drift",
        cookie: people.serviceManager.cookie,
      },
      {
        name: "drift queue (service manager, page 10)",
        path: "/api/manager/drift?page=10",
        cookie: people.serviceManager.cookie,
      },
      {
        name: "drift queue (service manager, overdue actions)",
        path: "/api/manager/drift?kind=action_overdue",
        cookie: people.serviceManager.cookie,
      },
      ...figureSplits.map((split) => ({
        name: `figures, split: ${split} (analyst)`,
        path: `/api/figures?${options.figuresQuery}&split=${split}`,
        cookie: people.analyst.cookie,
      })),
      {
        name: "figures, split: lead_agency (manager)",
        path: `/api/figures?${options.figuresQuery}&split=lead_agency`,
        cookie: people.manager.cookie,
      },
      { name: "my actions (busy lead)", path: "/api/my/actions", cookie: people.lead.cookie },
      { name: "family list (busy lead)", path: "/api/families", cookie: people.lead.cookie },
      { name: "family list (manager)", path: "/api/families", cookie: people.manager.cookie },
    ];
    const results: RouteResult[] = [];
    const chosen = routes.filter(
      (route) =>
        options.only.length === 0 || options.only.some((word) => route.name.includes(word)),
    );
    for (const route of chosen) {
      const result = await steadyLoad({
        ...route,
        baseUrl: api.baseUrl,
        rate: options.rate,
        seconds: options.seconds,
        warmup: options.warmup,
      });
      results.push(result);
    }
    log("");
    log(
      `${"route".padEnd(42)} ${"status".padEnd(12)} ${"bytes".padStart(9)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`,
    );
    for (const r of results) {
      const status = Object.entries(r.statuses)
        .map(([code, n]) => `${code}×${n}`)
        .join(" ");
      log(
        `${r.name.padEnd(42)} ${status.padEnd(12)} ${String(r.bytes).padStart(9)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)}`,
      );
    }
    log(
      `(${options.rate} requests/s per route for ${options.seconds} s after ${options.warmup} s of warm-up; 404 on every request = the route does not exist yet)`,
    );
    await mkdir(resultsDir, { recursive: true });
    const file = `${resultsDir}oversight-${new Date().toISOString().replaceAll(":", "-")}.json`;
    await writeFile(
      file,
      JSON.stringify(
        {
          options: { ...options, databaseUrl: undefined },
          generationSeconds,
          sizes: sizes[0],
          rows,
          results,
        },
        null,
        2,
      ),
    );
    log(`written to ${file}`);
  } finally {
    await api?.stop();
    await handle.close();
    if (options.keep) await database.keep();
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
