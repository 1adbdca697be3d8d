import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { auditEvents, familyMembers, notices, users } from "../schema";
import { buildMeeting, buildMember, buildScenario, openTestDatabase } from "../testing";
import { enqueueMeetingNotices, type MeetingNoticeEvent } from "./meeting-notices";
import { listUnsentMeetingNotices } from "./meeting-unsent-notices";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function world() {
  const s = await buildScenario(handle.db);
  const alex = await buildMember(handle.db, {
    familyId: s.family.id,
    givenName: "Alex",
    familyName: "Hart",
  });
  const meeting = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    invitedUserIds: [s.users.lead.id, s.users.teamMember.id],
    invitedMemberIds: [s.members.parent.id, alex.id],
  });
  const tell = (event: MeetingNoticeEvent) =>
    handle.db.transaction((tx) =>
      enqueueMeetingNotices(tx, {
        familyId: s.family.id,
        meetingId: meeting.id,
        event,
        createdBy: s.users.lead.id,
        now: new Date(),
      }),
    );
  return { s, alex, meeting, tell };
}

describe("invitees who cannot be told", () => {
  it("are recorded as failed with the reason and audited, never sent", async () => {
    const { s, alex, meeting, tell } = await world();
    expect(await tell({ change: "booked" })).toBe(3);
    const rows = await handle.db
      .select()
      .from(notices)
      .where(eq(notices.recipientMemberId, alex.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "meeting_invitation",
      channel: "email",
      status: "failed",
      lastError: "no email address",
      attempts: 0,
      familyId: s.family.id,
      createdBy: s.users.lead.id,
    });
    expect(rows[0]?.variables).toMatchObject({ meetingId: meeting.id, change: "booked" });
    const audited = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "notice.failed"), eq(auditEvents.resourceId, rows[0]?.id ?? "")),
      );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.details).toMatchObject({
      error: "no email address",
      recipientMemberId: alex.id,
    });

    expect(await listUnsentMeetingNotices(handle.db, s.family.id, meeting.id)).toEqual([
      expect.objectContaining({
        recipient: { memberId: alex.id },
        name: "Alex Hart",
        reason: "no email address",
        change: "booked",
      }),
    ]);
    // Another family's id finds nothing of this meeting.
    const other = await buildScenario(handle.db);
    expect(await listUnsentMeetingNotices(handle.db, other.family.id, meeting.id)).toEqual([]);
  });

  it("shows each person's latest: a move is recorded again, an address added since clears it", async () => {
    const { s, alex, meeting, tell } = await world();
    await tell({ change: "booked" });
    await handle.db
      .update(users)
      .set({ status: "deactivated", deactivatedAt: new Date() })
      .where(eq(users.id, s.users.teamMember.id));
    await tell({ change: "moved" });
    const unsent = await listUnsentMeetingNotices(handle.db, s.family.id, meeting.id);
    expect(unsent.map((u) => [u.name, u.reason, u.change])).toEqual(
      [
        ["Alex Hart", "no email address", "moved"],
        [s.users.teamMember.displayName, "account not active", "moved"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    await handle.db
      .update(familyMembers)
      .set({ email: "alex@example.test" })
      .where(eq(familyMembers.id, alex.id));
    await tell({ change: "cancelled" });
    const after = await listUnsentMeetingNotices(handle.db, s.family.id, meeting.id);
    expect(after.map((u) => u.name)).toEqual([s.users.teamMember.displayName]);
  });
});
