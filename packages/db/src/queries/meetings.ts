import { and, eq, sql } from "drizzle-orm";
import { builtOnce } from "../built-once";
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
// Read for every meeting event (each chat message, each join): built once.
const meetingById = builtOnce((db) =>
  db
    .select()
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder("meetingId")))
    .prepare("meeting_by_id"),
);
const inviteesOf = builtOnce((db) =>
  db
    .select({ userId: meetingInvitees.userId, memberId: meetingInvitees.memberId })
    .from(meetingInvitees)
    .where(
      and(
        eq(meetingInvitees.meetingId, sql.placeholder("meetingId")),
        eq(meetingInvitees.familyId, sql.placeholder("familyId")),
      ),
    )
    .prepare("meeting_invitees_of"),
);

export async function findMeetingWithInvitees(
  db: Executor,
  meetingId: string,
): Promise<MeetingWithInvitees | null> {
  const [meeting] = await meetingById(db).execute({ meetingId });
  if (!meeting) return null;
  const invitees = await inviteesOf(db).execute({ meetingId, familyId: meeting.familyId });
  return {
    meeting,
    invitedUserIds: invitees.flatMap((i) => (i.userId ? [i.userId] : [])),
    invitedMemberIds: invitees.flatMap((i) => (i.memberId ? [i.memberId] : [])),
  };
}
