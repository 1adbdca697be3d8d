import { z } from "zod";

/** The range of a PostgreSQL `integer` column: a larger number would fail in the database. */
export const int4Range = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/** An integer that fits an `integer` column. */
export const int4 = z.number().int().min(int4Range.min).max(int4Range.max);

/** An optimistic-concurrency version as a client read it: 1 or more, within the column. */
export const versionSchema = z
  .number()
  .int()
  .min(1)
  .max(int4Range.max)
  .describe("The version you read; a stale version answers 409");

/**
 * For PATCH bodies: at least one field besides `version` is set. Use as
 * `.refine(hasChanges, noChangesIssue)`.
 */
export function hasChanges(body: Record<string, unknown>): boolean {
  return Object.entries(body).some(([key, value]) => key !== "version" && value !== undefined);
}

export const noChangesIssue = { message: "name at least one field to change" } as const;
