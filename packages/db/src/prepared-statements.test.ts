import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "./client";
import "./testing/provided-context";

const target = inject("testDatabase");

/** How many statements this connection holds prepared whose text carries the marker. */
async function preparedWith(db: Database, marker: string) {
  const rows = (await db.execute(
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
  )) as unknown as { n: number }[];
  return rows[0]?.n ?? 0;
}

// Only PostgreSQL has connections that keep statements; PGlite runs each in place.
describe.runIf(target.kind === "postgres")("statements on PostgreSQL", () => {
  const url = target.kind === "postgres" ? target.url : "";

  it("are prepared once per connection, in and out of transactions", async () => {
    const handle = await createDatabase({ kind: "postgres", url, maxConnections: 1 });
    try {
      const marker = `prepared_probe_${Date.now()}`;
      for (const n of [1, 2, 3]) {
        const rows = (await handle.db.execute(
          sql`select ${n}::int + 1 as next, ${sql.raw(`'${marker}'`)} as marker`,
        )) as unknown as { next: number }[];
        expect(rows[0]?.next).toBe(n + 1);
      }
      expect(await preparedWith(handle.db, marker)).toBe(1);
      const inner = `${marker}_tx`;
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select ${1}::int, ${sql.raw(`'${inner}'`)}`);
        await tx.transaction(async (savepoint) => {
          await savepoint.execute(sql`select ${2}::int, ${sql.raw(`'${inner}_savepoint'`)}`);
        });
      });
      expect(await preparedWith(handle.db, inner)).toBe(2);
    } finally {
      await handle.close();
    }
  });

  it("are not prepared when turned off (for a pooler in transaction mode)", async () => {
    const handle = await createDatabase({
      kind: "postgres",
      url,
      maxConnections: 1,
      preparedStatements: false,
    });
    try {
      const marker = `unprepared_probe_${Date.now()}`;
      await handle.db.execute(sql`select ${1}::int, ${sql.raw(`'${marker}'`)}`);
      expect(await preparedWith(handle.db, marker)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
