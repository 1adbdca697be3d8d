import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { familyMembers, notices, users } from "../schema";

/** Someone invited to a meeting whom its latest invitation, change or cancellation did not reach. */
export interface UnsentMeetingNotice {
  noticeId: string;
  recipient: { userId: string } | { memberId: string };
  name: string;
  /** `last_error`: "no email address", "account not active", or the transport's code. */
  reason: string;
  /** What they were not told (booked, moved, cancelled, invited, uninvited). */
  change: string;
  at: Date;
}

/**
 * The meeting's invitees whom the latest email about it did not reach: for
 * each person, the newest `meeting_invitation` email written for this
 * meeting, listed when it failed — recorded as unsendable when it was written
 * (no email address) or given up by the worker. A later one that went out
 * supersedes an earlier failure. Scoped by family.
 */
export async function listUnsentMeetingNotices(
  db: Executor,
  familyId: string,
  meetingId: string,
): Promise<UnsentMeetingNotice[]> {
  const rows = await db
    .select({
      id: notices.id,
      status: notices.status,
      lastError: notices.lastError,
      variables: notices.variables,
      createdAt: notices.createdAt,
      userId: notices.recipientUserId,
      memberId: notices.recipientMemberId,
      userName: users.displayName,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
    })
    .from(notices)
    .leftJoin(users, eq(users.id, notices.recipientUserId))
    .leftJoin(
      familyMembers,
      and(eq(familyMembers.id, notices.recipientMemberId), eq(familyMembers.familyId, familyId)),
    )
    .where(
      and(
        eq(notices.familyId, familyId),
        eq(notices.kind, "meeting_invitation"),
        eq(notices.channel, "email"),
        sql`${notices.variables}->>'meetingId' = ${meetingId}`,
      ),
    )
    .orderBy(desc(notices.createdAt), desc(notices.id));
  const seen = new Set<string>();
  const unsent: UnsentMeetingNotice[] = [];
  for (const row of rows) {
    const key = row.userId ? `user:${row.userId}` : `member:${row.memberId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.status !== "failed") continue;
    unsent.push({
      noticeId: row.id,
      recipient: row.userId ? { userId: row.userId } : { memberId: row.memberId ?? "" },
      name: row.userId
        ? (row.userName ?? "")
        : [row.givenName, row.familyName].filter(Boolean).join(" "),
      reason: row.lastError ?? "not sent",
      change: String(row.variables.change ?? ""),
      at: row.createdAt,
    });
  }
  return unsent.sort((a, b) => a.name.localeCompare(b.name));
}
