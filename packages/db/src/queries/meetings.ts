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

// Read for every meeting event (each chat message, each join): built once, one
// round trip. Invitees are matched on the meeting's own family, as they are stored.
// The meeting's columns stay inside and(): at the top of a one-table select
// drizzle writes a column's bare name, which in the subquery would mean the
// invitee's.
const meetingWithInvitees = builtOnce((db) => {
  const invited = (column: typeof meetingInvitees.userId | typeof meetingInvitees.memberId) =>
    sql<string[]>`array(select ${column}::text from ${meetingInvitees} where ${and(
      eq(meetingInvitees.meetingId, meetings.id),
      eq(meetingInvitees.familyId, meetings.familyId),
    )} and ${column} is not null order by ${meetingInvitees.id})`;
  return db
    .select({
      meeting: meetings,
      invitedUserIds: invited(meetingInvitees.userId),
      invitedMemberIds: invited(meetingInvitees.memberId),
    })
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder("meetingId")))
    .prepare("meeting_with_invitees");
});

/**
 * A meeting found by its id alone, with who is invited. Only for callers that
 * are given nothing but a meeting id (a socket joining a room): they must then
 * check the caller's access to the family the row names.
 */
export async function findMeetingWithInvitees(
  db: Executor,
  meetingId: string,
): Promise<MeetingWithInvitees | null> {
  const [found] = await meetingWithInvitees(db).execute({ meetingId });
  return found ?? null;
}
