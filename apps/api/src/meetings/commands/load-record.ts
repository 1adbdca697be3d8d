import {
  type Executor,
  getMeeting,
  hasAttended,
  listApologies,
  listAttendanceRows,
  listMeetingActionIds,
  listRecordResponses,
  meetings,
  planVersionHash,
  planVersions,
  reviews,
  users,
} from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

/**
 * Everything a held meeting's record is made from: the meeting, its stored
 * plan version (checked against its hash), attendance, apologies, the actions
 * agreed in it, the family's other meetings (for the next one), the review's
 * next date and the attendees' responses. Another family's meeting is 404;
 * a meeting that has not ended has no record yet (409).
 */
export async function loadMeetingRecord(
  db: Executor,
  familyId: string,
  meetingId: string,
  userId: string,
) {
  const meeting = await getMeeting(db, familyId, meetingId);
  if (!meeting) throw notFound("That meeting");
  const [version] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.familyId, familyId), eq(planVersions.meetingId, meetingId)));
  if (meeting.state !== "ended" || !meeting.endedAt || !version) {
    throw new AppError("conflict", "This meeting has not ended, so it has no record yet.");
  }
  const [chair] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, meeting.chairUserId));
  const [review] = await db
    .select({ nextReviewOn: reviews.nextReviewOn })
    .from(reviews)
    .where(and(eq(reviews.familyId, familyId), eq(reviews.meetingId, meetingId)));
  return {
    meeting: { ...meeting, endedAt: meeting.endedAt },
    chairName: chair?.name ?? "",
    version,
    unchanged: planVersionHash(version.content, version.snapshots) === version.contentHash,
    attendance: await listAttendanceRows(db, familyId, meetingId),
    apologies: await listApologies(db, familyId, meetingId),
    agreedActionIds: await listMeetingActionIds(db, familyId, meetingId),
    familyMeetings: await db
      .select({ id: meetings.id, state: meetings.state, scheduledFor: meetings.scheduledFor })
      .from(meetings)
      .where(eq(meetings.familyId, familyId)),
    nextReviewOn: review?.nextReviewOn ?? null,
    responses: await listRecordResponses(db, familyId, meetingId),
    attendedByMe: await hasAttended(db, familyId, meetingId, userId),
  };
}

export type LoadedMeetingRecord = Awaited<ReturnType<typeof loadMeetingRecord>>;
