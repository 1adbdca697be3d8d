import { type Executor, needScores } from "@teamaround/db";
import { AppError, type ScoreInput, type ScoreStage } from "@teamaround/domain";
import type { MemberFacts } from "./journey-lookups";

/**
 * A score about one child must name a child of this family. Answers 422
 * naming each score that does not, before anything is written.
 */
export function assertScoredChildren(
  scores: readonly ScoreInput[],
  members: readonly MemberFacts[],
) {
  const children = new Set(members.filter((m) => m.kind === "child").map((m) => m.id));
  const wrong = scores.flatMap((score, index) =>
    score.memberId !== undefined && !children.has(score.memberId) ? [index] : [],
  );
  if (wrong.length > 0) {
    throw new AppError("unprocessable", "A score may only be about a child of this family.", {
      scores: wrong,
    });
  }
}

/** Appends need scores for one occasion (assessment, review or closure). */
export async function insertScores(
  tx: Executor,
  occasion: {
    familyId: string;
    episodeId: string;
    stage: ScoreStage;
    assessmentId?: string | null;
    reviewId?: string | null;
    scoredOn: string;
    recordedBy: string;
    recordedAt: Date;
  },
  scores: readonly ScoreInput[],
) {
  if (scores.length === 0) return [];
  return tx
    .insert(needScores)
    .values(
      scores.map((score) => ({
        ...occasion,
        area: score.area,
        memberId: score.memberId ?? null,
        scoredBy: score.scoredBy,
        score: score.score,
        strengths: score.strengths ?? null,
        needs: score.needs ?? null,
        note: score.note ?? null,
      })),
    )
    .returning();
}
