import type { Executor } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

interface Versioned {
  id: PgColumn;
  version: PgColumn;
  updatedAt?: PgColumn;
}

/**
 * Optimistic concurrency: the update applies only if the row still has the
 * version the client read; otherwise 409 with the current version, and
 * nothing changes. Never a silent last-write-wins.
 */
export async function updateVersioned<T extends PgTable & Versioned>(
  tx: Executor,
  table: T,
  where: { id: string; scope: SQL | undefined; expectedVersion: number },
  values: Record<string, unknown>,
): Promise<T["$inferSelect"]> {
  const set: Record<string, unknown> = { ...values, version: sql`${table.version} + 1` };
  if (table.updatedAt) set.updatedAt = new Date();
  const updated = await tx
    .update(table)
    .set(set as never)
    .where(and(eq(table.id, where.id), where.scope, eq(table.version, where.expectedVersion)))
    .returning();
  const row = (updated as T["$inferSelect"][])[0];
  if (row) return row;
  const [current] = (await tx
    .select({ version: table.version })
    .from(table as PgTable)
    .where(and(eq(table.id, where.id), where.scope))) as { version: number }[];
  if (!current) throw new AppError("not_found", "That record was not found.");
  throw new AppError(
    "stale_version",
    "Someone else changed this since you opened it. Reload to see their change, then try again.",
    { currentVersion: current.version, yourVersion: where.expectedVersion },
  );
}
