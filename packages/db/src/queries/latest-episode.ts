import { desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { episodes } from "../schema";

/**
 * The family's latest episode: the open one, if one is open, else the one
 * that closed last. Every family has one. New outcomes belong to it, and the
 * plan shows only its outcomes.
 */
export async function getLatestEpisode(db: Executor, familyId: string) {
  const [episode] = await db
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1);
  if (!episode) throw new Error(`family ${familyId} has no episode`);
  return episode;
}
