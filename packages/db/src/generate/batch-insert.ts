import type { PgTable, TableConfig } from "drizzle-orm/pg-core";
import type { Executor } from "../client";

/** PostgreSQL allows 65,535 parameters in one statement; stay well below. */
const maxParameters = 30_000;

/**
 * Inserts rows as multi-row INSERTs (one statement per batch), sized so a
 * batch stays under the parameter limit: the set-based path of the generator.
 */
export async function insertInBatches<T extends PgTable<TableConfig>>(
  db: Executor,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Math.max(1, Object.keys(first).length);
  const size = Math.max(1, Math.floor(maxParameters / columns));
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size));
  }
}
