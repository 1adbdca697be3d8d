import { actions, type Executor, episodes, getLatestEpisode, outcomes } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

/** The episode whose plan is read: the one asked for (of this family), else the latest. */
export async function planEpisode(db: Executor, familyId: string, episodeId: string | undefined) {
  if (!episodeId) return getLatestEpisode(db, familyId);
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.familyId, familyId)));
  if (!episode) throw notFound("That episode");
  return episode;
}

function closedEpisode(what: "outcome" | "action") {
  return new AppError("conflict", `This ${what} belongs to an earlier episode, which is closed.`);
}

/**
 * Inside a write's transaction: the outcome's episode is still open, or 409.
 * The episode row is share-locked, so a closure waits for the write (and a
 * write after a closure sees it closed). An unknown outcome is left to the
 * caller's own check.
 */
export async function assertOutcomeOpen(tx: Executor, familyId: string, outcomeId: string) {
  const [row] = await tx
    .select({ status: episodes.status })
    .from(outcomes)
    .innerJoin(episodes, eq(episodes.id, outcomes.episodeId))
    .where(and(eq(outcomes.id, outcomeId), eq(outcomes.familyId, familyId)))
    .for("share", { of: episodes });
  if (row?.status === "closed") throw closedEpisode("outcome");
}

/** As `assertOutcomeOpen`, for an action through its outcome. */
export async function assertActionOpen(tx: Executor, familyId: string, actionId: string) {
  const [row] = await tx
    .select({ status: episodes.status })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .innerJoin(episodes, eq(episodes.id, outcomes.episodeId))
    .where(and(eq(actions.id, actionId), eq(actions.familyId, familyId)))
    .for("share", { of: episodes });
  if (row?.status === "closed") throw closedEpisode("action");
}
