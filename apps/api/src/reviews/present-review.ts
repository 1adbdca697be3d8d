import { type Executor, needScores, reviews, users } from "@teamaround/db";
import { and, desc, eq, inArray } from "drizzle-orm";

type ReviewRow = typeof reviews.$inferSelect;

/**
 * Reviews with their scores and who recorded them, newest first. The
 * practitioners' notes on scores only for those who read the case's notes
 * (`episode.read_notes`): never a family member.
 */
export async function presentReviews(
  db: Executor,
  familyId: string,
  rows: readonly ReviewRow[],
  showNotes: boolean,
) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const scores = await db
    .select()
    .from(needScores)
    .where(and(eq(needScores.familyId, familyId), inArray(needScores.reviewId, ids)));
  const userIds = [
    ...new Set([...rows.map((r) => r.recordedBy), ...scores.map((s) => s.recordedBy)]),
  ];
  const people = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, userIds));
  const person = (userId: string) => ({
    userId,
    name: people.find((p) => p.id === userId)?.name ?? "Former user",
  });
  return rows.map((r) => ({
    id: r.id,
    episodeId: r.episodeId,
    meetingId: r.meetingId,
    reviewedOn: r.reviewedOn,
    verdict: r.verdict,
    decision: r.decision,
    nextReviewOn: r.nextReviewOn,
    summary: r.summary,
    recordedBy: person(r.recordedBy),
    recordedAt: r.recordedAt.toISOString(),
    scores: scores
      .filter((s) => s.reviewId === r.id)
      .map((s) => ({
        id: s.id,
        stage: s.stage,
        area: s.area,
        memberId: s.memberId,
        scoredBy: s.scoredBy,
        score: s.score,
        strengths: s.strengths,
        needs: s.needs,
        note: showNotes ? s.note : null,
        scoredOn: s.scoredOn,
        recordedBy: person(s.recordedBy),
        recordedAt: s.recordedAt.toISOString(),
      })),
  }));
}

export function listReviews(db: Executor, familyId: string) {
  return db
    .select()
    .from(reviews)
    .where(eq(reviews.familyId, familyId))
    .orderBy(desc(reviews.reviewedOn), desc(reviews.recordedAt));
}

/** One review of the family, or undefined when the family has no such review. */
export async function getReview(db: Executor, familyId: string, reviewId: string) {
  const [row] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.id, reviewId), eq(reviews.familyId, familyId)));
  return row;
}
