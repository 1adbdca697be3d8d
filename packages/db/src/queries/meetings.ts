import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { meetingInvitees, meetings } from "../schema";

export type MeetingRow = typeof meetings.$inferSelect;

export interface MeetingWithInvitees {
  meeting: MeetingRow;
  invitedUserIds: string[];
  invitedMemberIds: string[];
}

/** One meeting of one family, or null (another family's meeting id answers null too). */
export async function getMeeting(
  db: Executor,
  familyId: string,
  meetingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MeetingRow | null> {
  const query = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.familyId, familyId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * A meeting found by its id alone, with who is invited. Only for callers that
 * are given nothing but a meeting id (a socket joining a room): they must then
 * check the caller's access to the family the row names.
 */
export async function findMeetingWithInvitees(
  db: Executor,
  meetingId: string,
): Promise<MeetingWithInvitees | null> {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return null;
  const invitees = await db
    .select({ userId: meetingInvitees.userId, memberId: meetingInvitees.memberId })
    .from(meetingInvitees)
    .where(
      and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.familyId, meeting.familyId)),
    );
  return {
    meeting,
    invitedUserIds: invitees.flatMap((i) => (i.userId ? [i.userId] : [])),
    invitedMemberIds: invitees.flatMap((i) => (i.memberId ? [i.memberId] : [])),
  };
}
