import { type Executor, feedbackInvitations, meetings, reviews } from "@teamaround/db";
import {
  AppError,
  defaultNextReviewOn,
  notFound,
  type ReviewCadence,
  type ReviewInput,
} from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { listMembers, openEpisode } from "../assessment/commands/journey-lookups";
import { assertScoredChildren, insertScores } from "../assessment/commands/record-scores";
import { isoDay } from "../shared/dates";

/** A review is recorded for a review meeting of this family that is under way or held. */
export async function reviewableMeeting(tx: Executor, familyId: string, meetingId: string) {
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.familyId, familyId)));
  if (!meeting) throw notFound("That meeting");
  if (meeting.kind !== "review") {
    throw new AppError("unprocessable", "A review is recorded only for a review meeting.");
  }
  if (meeting.state !== "live" && meeting.state !== "ended") {
    throw new AppError("conflict", "Record the review once the meeting has started.");
  }
  return meeting;
}

/**
 * The next review date: given, or the cadence's default when the team
 * continues; none when the episode is to close or step up.
 */
export function nextReviewDate(input: ReviewInput, reviewedOn: string, cadence: ReviewCadence) {
  if (input.decision !== "continue") {
    if (input.nextReviewOn) {
      throw new AppError(
        "unprocessable",
        "There is no next review when the work closes or steps up.",
        {
          field: "nextReviewOn",
        },
      );
    }
    return null;
  }
  const next = input.nextReviewOn ?? defaultNextReviewOn(reviewedOn, cadence);
  if (next <= reviewedOn) {
    throw new AppError("unprocessable", "The next review must come after this one.", {
      field: "nextReviewOn",
    });
  }
  return next;
}

/**
 * Records a review meeting's conclusion: the review, its need scores and the
 * "How was it for you?" invitation to the family. One review per meeting (409).
 */
export async function recordReview(
  tx: Executor,
  input: ReviewInput,
  at: { familyId: string; meetingId: string; userId: string; now: Date; cadence: ReviewCadence },
) {
  const episode = await openEpisode(tx, at.familyId);
  const meeting = await reviewableMeeting(tx, at.familyId, at.meetingId);
  assertScoredChildren(input.scores, await listMembers(tx, at.familyId));
  const [existing] = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(eq(reviews.meetingId, meeting.id));
  if (existing) throw new AppError("conflict", "This meeting's review has already been recorded.");
  const reviewedOn = isoDay(meeting.startedAt ?? meeting.scheduledFor);
  const nextReviewOn = nextReviewDate(input, reviewedOn, at.cadence);
  const [review] = await tx
    .insert(reviews)
    .values({
      familyId: at.familyId,
      episodeId: episode.id,
      meetingId: meeting.id,
      reviewedOn,
      verdict: input.verdict,
      decision: input.decision,
      nextReviewOn,
      summary: input.summary ?? null,
      recordedBy: at.userId,
      recordedAt: at.now,
    })
    .returning();
  if (!review) throw new AppError("internal", "The review was not saved.");
  await insertScores(
    tx,
    {
      familyId: at.familyId,
      episodeId: episode.id,
      stage: "review",
      reviewId: review.id,
      scoredOn: reviewedOn,
      recordedBy: at.userId,
      recordedAt: at.now,
    },
    input.scores,
  );
  await tx.insert(feedbackInvitations).values({
    familyId: at.familyId,
    episodeId: episode.id,
    occasion: "review",
    reviewId: review.id,
    offeredAt: at.now,
  });
  return review;
}
