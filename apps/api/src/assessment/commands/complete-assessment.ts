import { assessments, type Executor, episodeEvents, episodes, families } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, sql } from "drizzle-orm";
import type { AssessmentRow } from "./journey-lookups";

/**
 * Completes an assessment (a manager's approval, or the lead's completion
 * where no sign-off is needed). The first completion of an episode moves it
 * to "plan in place" — its date starts the first-TAC clock — and the family's
 * status with it; a re-assessment's completion is recorded as an event only.
 * Call inside the transaction that locked the assessment.
 */
export async function completeAssessment(
  tx: Executor,
  assessment: AssessmentRow,
  by: { userId: string; at: Date; decided: boolean },
) {
  const [completed] = await tx
    .update(assessments)
    .set({
      status: "completed",
      completedAt: by.at,
      completedBy: by.userId,
      ...(by.decided ? { decidedAt: by.at, decidedBy: by.userId } : {}),
      version: sql`${assessments.version} + 1`,
      updatedAt: by.at,
    })
    .where(eq(assessments.id, assessment.id))
    .returning();
  if (!completed) throw new AppError("internal", "The assessment was not completed.");
  const moved = await tx
    .update(episodes)
    .set({
      status: "plan_in_place",
      planInPlaceAt: by.at,
      version: sql`${episodes.version} + 1`,
      updatedAt: by.at,
    })
    .where(and(eq(episodes.id, assessment.episodeId), eq(episodes.status, "assessment")))
    .returning({ id: episodes.id });
  if (moved.length > 0) {
    await tx
      .update(families)
      .set({ status: "plan_active", version: sql`${families.version} + 1`, updatedAt: by.at })
      .where(eq(families.id, assessment.familyId));
  }
  await tx.insert(episodeEvents).values({
    episodeId: assessment.episodeId,
    familyId: assessment.familyId,
    kind: "assessment_completed",
    at: by.at,
    by: by.userId,
  });
  return { assessment: completed, planInPlace: moved.length > 0 };
}
