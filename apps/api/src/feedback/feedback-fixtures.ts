import { type Executor, episodes, feedbackInvitations, sustainabilityChecks } from "@teamaround/db";
import type { FeedbackOccasion } from "@teamaround/domain";
import { eq } from "drizzle-orm";

/** The family's first episode (every family is opened with one). */
export async function firstEpisodeOf(db: Executor, familyId: string) {
  const [episode] = await db.select().from(episodes).where(eq(episodes.familyId, familyId));
  if (!episode) throw new Error("the family has no episode");
  return episode;
}

/**
 * "How was it for you?" offered to a family, as closing an episode or
 * recording a review does.
 */
export async function offerFeedback(
  db: Executor,
  familyId: string,
  input: { occasion?: FeedbackOccasion; offeredAt?: Date } = {},
) {
  const episode = await firstEpisodeOf(db, familyId);
  const [row] = await db
    .insert(feedbackInvitations)
    .values({
      familyId,
      episodeId: episode.id,
      occasion: input.occasion ?? "closure",
      offeredAt: input.offeredAt ?? new Date(),
    })
    .returning();
  if (!row) throw new Error("invitation not inserted");
  return row;
}

/** A follow-up after closure, as closing an episode creates at 3 and 6 months. */
export async function buildFollowUp(
  db: Executor,
  input: { familyId: string; leadUserId: string | null; dueOn: string; monthsAfter?: "3" | "6" },
) {
  const episode = await firstEpisodeOf(db, input.familyId);
  const [row] = await db
    .insert(sustainabilityChecks)
    .values({
      episodeId: episode.id,
      familyId: input.familyId,
      leadUserId: input.leadUserId,
      monthsAfter: input.monthsAfter ?? "3",
      dueOn: input.dueOn,
    })
    .returning();
  if (!row) throw new Error("follow-up not inserted");
  return row;
}
