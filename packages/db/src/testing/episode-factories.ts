import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { openEpisode } from "../queries/open-family";
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

/**
 * The family comes back after its latest episode closed: the next episode
 * opens (as an accepted request would open it) and families.status follows.
 */
export async function buildNextEpisode(db: Executor, familyId: string, openedBy: string) {
  const [last] = await db
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1);
  if (last?.status !== "closed") throw new Error("the family's latest episode is not closed");
  const [family] = await db.select().from(families).where(eq(families.id, familyId));
  if (!family) throw new Error("family missing");
  const episode = await openEpisode(db, {
    familyId,
    number: last.number + 1,
    origin: "request_for_help",
    openedAt: new Date(),
    openedBy,
    requestId: null,
    levelOfNeed: family.levelOfNeed,
  });
  await db
    .update(families)
    .set({
      status: "assessment_started",
      closureReason: null,
      closureNote: null,
      closedAt: null,
      version: sql`${families.version} + 1`,
    })
    .where(eq(families.id, familyId));
  return episode;
}
