import {
  agencies,
  type Executor,
  familyMembers,
  type MeetingRow,
  meetingInvitees,
  meetings,
  planVersions,
  users,
} from "@teamaround/db";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";

export type InviteeView =
  | { kind: "practitioner"; userId: string; name: string; agencyName: string | null }
  | { kind: "family_member"; memberId: string; name: string };

export interface LoadedMeeting {
  row: MeetingRow;
  chairName: string;
  invitees: InviteeView[];
  planVersionId: string | null;
}

/** A family's meetings (newest first) with chair, invitees and version, in four queries. */
export async function loadMeetings(
  db: Executor,
  familyId: string,
  only?: { meetingId: string },
): Promise<LoadedMeeting[]> {
  const scope: SQL | undefined = only ? eq(meetings.id, only.meetingId) : undefined;
  const rows = await db
    .select({ meeting: meetings, chairName: users.displayName })
    .from(meetings)
    .innerJoin(users, eq(users.id, meetings.chairUserId))
    .where(and(eq(meetings.familyId, familyId), scope))
    .orderBy(desc(meetings.scheduledFor), desc(meetings.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.meeting.id);
  const invitees = await loadInvitees(db, familyId, ids);
  const versions = await db
    .select({ id: planVersions.id, meetingId: planVersions.meetingId })
    .from(planVersions)
    .where(and(eq(planVersions.familyId, familyId), inArray(planVersions.meetingId, ids)));
  const versionOf = new Map(versions.map((v) => [v.meetingId, v.id]));
  return rows.map(({ meeting, chairName }) => ({
    row: meeting,
    chairName,
    invitees: invitees.get(meeting.id) ?? [],
    planVersionId: versionOf.get(meeting.id) ?? null,
  }));
}

async function loadInvitees(db: Executor, familyId: string, meetingIds: string[]) {
  const rows = await db
    .select({
      meetingId: meetingInvitees.meetingId,
      userId: meetingInvitees.userId,
      userName: users.displayName,
      agencyName: agencies.name,
      memberId: meetingInvitees.memberId,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
    })
    .from(meetingInvitees)
    .leftJoin(users, eq(users.id, meetingInvitees.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(familyMembers, eq(familyMembers.id, meetingInvitees.memberId))
    .where(
      and(eq(meetingInvitees.familyId, familyId), inArray(meetingInvitees.meetingId, meetingIds)),
    )
    .orderBy(meetingInvitees.id);
  const byMeeting = new Map<string, InviteeView[]>();
  for (const r of rows) {
    const invitee: InviteeView = r.userId
      ? { kind: "practitioner", userId: r.userId, name: r.userName ?? "", agencyName: r.agencyName }
      : {
          kind: "family_member",
          memberId: r.memberId ?? "",
          name: `${r.givenName ?? ""} ${r.familyName ?? ""}`.trim(),
        };
    byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), invitee]);
  }
  return byMeeting;
}
