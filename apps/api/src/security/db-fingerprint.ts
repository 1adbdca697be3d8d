import { type Database, rowsOf } from "@teamaround/db";
import { sql } from "drizzle-orm";

/**
 * Tables a refused request may still write: sessions are touched on every
 * signed-in request, the audit log records refusals, and sign-in throttles
 * count failed attempts. Everything else must be byte-for-byte unchanged.
 */
const mayChangeOnRefusal = /^(sessions|audit_events)$|throttle|attempt|rate_limit/;

const tablesOf = new WeakMap<Database, string[]>();

async function caseTables(db: Database): Promise<string[]> {
  const known = tablesOf.get(db);
  if (known) return known;
  const rows = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
      order by table_name`),
  );
  const tables = rows.map((r) => r.table_name).filter((t) => !mayChangeOnRefusal.test(t));
  tablesOf.set(db, tables);
  return tables;
}

/** Every case table's row count and a hash of its rows, in one query: equal fingerprints, nothing changed. */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await caseTables(db);
  const perTable = tables.map(
    (table) => sql`select ${table} as name, count(*)::text || ':' ||
      coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as print
      from ${sql.identifier(table)} t`,
  );
  const rows = rowsOf<{ name: string; print: string }>(
    await db.execute(sql.join(perTable, sql` union all `)),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}
