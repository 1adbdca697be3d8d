import { type Executor, localAuthorities } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { eq } from "drizzle-orm";

/**
 * The authority's row: its settings (sign-off, the first-TAC clock, review
 * cadence, the scale's words) and its drift targets. Every feature that needs
 * them reads them here.
 */
export async function authoritySettings(db: Executor, authorityId: string) {
  const [row] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  if (!row) throw new AppError("internal", "The authority was not found.");
  return row;
}
