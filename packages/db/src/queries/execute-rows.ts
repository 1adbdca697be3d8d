import type { SQL } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * Runs raw SQL and returns its rows on either driver: postgres.js answers
 * with the row array itself, PGlite with `{ rows }`.
 */
export async function executeRows<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (typeof result === "object" && result !== null && "rows" in result) {
    return (result as { rows: T[] }).rows;
  }
  return [];
}
