import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { episodes } from "../schema/episodes";
import { families } from "../schema/families";

/**
 * Dates a family's current episode as if it had opened at `openedAt` and
 * (optionally) had its plan in place from `planInPlaceAt`, keeping
 * families.status in step — for tests about timescales.
 */
export async function dateCurrentEpisode(
  db: Executor,
  familyId: string,
  at: { openedAt: Date; planInPlaceAt?: Date },
) {
  await db
    .update(episodes)
    .set({
      openedAt: at.openedAt,
      ...(at.planInPlaceAt ? { planInPlaceAt: at.planInPlaceAt, status: "plan_in_place" } : {}),
    })
    .where(eq(episodes.familyId, familyId));
  if (at.planInPlaceAt) {
    await db.update(families).set({ status: "plan_active" }).where(eq(families.id, familyId));
  }
}
