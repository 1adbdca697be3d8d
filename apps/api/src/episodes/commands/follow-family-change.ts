import { type Executor, episodeEvents, episodes, type FamilyRow } from "@teamaround/db";
import { desc, eq } from "drizzle-orm";

/**
 * Keeps the current episode in step with a change made on the family
 * record: a new level of need is appended as a `level_of_need_changed`
 * event (the old level stays in the history). The plan is put in place only
 * by completing the assessment (see complete-assessment.ts). Run inside the
 * transaction of the family's change.
 */
export async function followFamilyChange(
  tx: Executor,
  input: { before: FamilyRow; after: FamilyRow; by: string; now: Date },
) {
  const { before, after, now } = input;
  const [episode] = await tx
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, after.id))
    .orderBy(desc(episodes.number))
    .limit(1)
    .for("update");
  if (!episode) return;
  if (before.levelOfNeed !== after.levelOfNeed) {
    await tx.insert(episodeEvents).values({
      episodeId: episode.id,
      familyId: after.id,
      kind: "level_of_need_changed",
      at: now,
      by: input.by,
      levelOfNeed: after.levelOfNeed,
      note: `From level ${before.levelOfNeed} to level ${after.levelOfNeed}`,
    });
  }
}
