import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { familyMembers, localAuthorities, meetingInvitees, meetings, notices } from "../schema";
import { buildMeeting, buildMember, buildScenario, openTestDatabase } from "../testing";
import { enqueueMeetingNotices, type MeetingNoticeEvent } from "./meeting-notices";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const s = await buildScenario(handle.db);
  const meeting = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    invitedUserIds: [s.users.lead.id, s.users.teamMember.id],
    invitedMemberIds: [s.members.parent.id],
  });
  return { s, meeting };
}

function tell(
  s: Awaited<ReturnType<typeof world>>["s"],
  meetingId: string,
  event: MeetingNoticeEvent,
) {
  return handle.db.transaction((tx) =>
    enqueueMeetingNotices(tx, {
      familyId: s.family.id,
      meetingId,
      event,
      createdBy: s.users.lead.id,
      now: new Date(),
    }),
  );
}

async function emails(meetingId: string) {
  const rows = await handle.db
    .select()
    .from(notices)
    .where(and(eq(notices.kind, "meeting_invitation"), eq(notices.channel, "email")));
  return rows
    .filter((r) => r.variables.meetingId === meetingId)
    .map((r) => ({
      to: r.recipientUserId ?? r.recipientMemberId,
      change: r.variables.change,
      sequence: r.variables.sequence,
      audience: r.variables.audience,
      familyName: r.variables.familyName,
    }));
}

const sequenceOf = async (meetingId: string) => {
  const [row] = await handle.db
    .select({ sequence: meetings.calendarSequence })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return row?.sequence;
};

describe("enqueueMeetingNotices", () => {
  it("invites everyone on booking at SEQUENCE 0, the family at their portal account", async () => {
    const { s, meeting } = await world();
    expect(await tell(s, meeting.id, { change: "booked" })).toBe(3);
    expect(await sequenceOf(meeting.id)).toBe(0);
    const sent = await emails(meeting.id);
    expect(sent).toEqual(
      expect.arrayContaining([
        {
          to: s.users.lead.id,
          change: "booked",
          sequence: 0,
          audience: "staff",
          familyName: undefined,
        },
        {
          to: s.users.teamMember.id,
          change: "booked",
          sequence: 0,
          audience: "staff",
          familyName: undefined,
        },
        {
          to: s.users.parentUser.id,
          change: "booked",
          sequence: 0,
          audience: "family",
          familyName: undefined,
        },
      ]),
    );
    // Accounts also hear in the app.
    const inApp = await handle.db
      .select()
      .from(notices)
      .where(and(eq(notices.kind, "meeting_invitation"), eq(notices.channel, "in_app")));
    expect(inApp.filter((r) => r.variables.meetingId === meeting.id)).toHaveLength(3);
  });

  it("raises the SEQUENCE with each change and tells the added and the removed", async () => {
    const { s, meeting } = await world();
    await tell(s, meeting.id, { change: "booked" });
    await tell(s, meeting.id, { change: "moved" });
    expect(await sequenceOf(meeting.id)).toBe(1);
    // The team member is taken off, a grandparent with only an email address is added.
    const grandparent = await buildMember(handle.db, {
      familyId: s.family.id,
      email: "grandparent@example.test",
    });
    const before = [
      { userId: s.users.lead.id },
      { userId: s.users.teamMember.id },
      { memberId: s.members.parent.id },
    ];
    await handle.db
      .delete(meetingInvitees)
      .where(
        and(
          eq(meetingInvitees.meetingId, meeting.id),
          eq(meetingInvitees.userId, s.users.teamMember.id),
        ),
      );
    await handle.db
      .insert(meetingInvitees)
      .values({ meetingId: meeting.id, familyId: s.family.id, memberId: grandparent.id });
    expect(await tell(s, meeting.id, { change: "invitees", before })).toBe(2);
    expect(await sequenceOf(meeting.id)).toBe(2);
    await tell(s, meeting.id, { change: "cancelled" });
    const sent = await emails(meeting.id);
    expect(sent.filter((e) => e.sequence === 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: s.users.teamMember.id, change: "uninvited" }),
        expect.objectContaining({ to: grandparent.id, change: "invited", audience: "family" }),
      ]),
    );
    expect(sent.filter((e) => e.sequence === 3).map((e) => e.change)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
  });

  it("ends the calendar entry when the meeting ends: its length, an hour unless set", async () => {
    const { s, meeting } = await world();
    const long = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      durationMinutes: 90,
    });
    await tell(s, meeting.id, { change: "booked" });
    await tell(s, long.id, { change: "booked" });
    const minutes = async (meetingId: string) => {
      const rows = await handle.db
        .select({ variables: notices.variables })
        .from(notices)
        .where(and(eq(notices.kind, "meeting_invitation"), eq(notices.channel, "email")));
      const v = rows.map((r) => r.variables).find((x) => x.meetingId === meetingId);
      return (Date.parse(String(v?.endsAt)) - Date.parse(String(v?.startsAt))) / 60_000;
    };
    expect(await minutes(meeting.id)).toBe(60);
    expect(await minutes(long.id)).toBe(90);
  });

  it("names the family to staff only where the authority allows it", async () => {
    const { s, meeting } = await world();
    await handle.db
      .update(localAuthorities)
      .set({ noticeFamilyNames: true })
      .where(eq(localAuthorities.id, s.authority.id));
    await tell(s, meeting.id, { change: "booked" });
    const sent = await emails(meeting.id);
    expect(sent.find((e) => e.to === s.users.lead.id)?.familyName).toBe(s.family.displayName);
    expect(sent.find((e) => e.to === s.users.parentUser.id)?.familyName).toBeUndefined();
  });

  it("writes nothing to a family member it cannot reach, and leaves the SEQUENCE when nobody is told", async () => {
    const { s, meeting } = await world();
    await handle.db
      .update(familyMembers)
      .set({ userId: null, email: null })
      .where(eq(familyMembers.id, s.members.parent.id));
    expect(await tell(s, meeting.id, { change: "booked" })).toBe(2);
    const same = [
      { userId: s.users.lead.id },
      { userId: s.users.teamMember.id },
      { memberId: s.members.parent.id },
    ];
    expect(await tell(s, meeting.id, { change: "invitees", before: same })).toBe(0);
    expect(await sequenceOf(meeting.id)).toBe(0);
  });
});
