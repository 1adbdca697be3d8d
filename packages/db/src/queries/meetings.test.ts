import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { buildMeeting, buildScenario, openTestDatabase } from "../testing";
import { findMeetingWithInvitees } from "./meetings";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("findMeetingWithInvitees", () => {
  it("reads the meeting with its invited people and family members, and nobody else's", async () => {
    const s = await buildScenario(handle.db);
    const other = await buildScenario(handle.db);
    const meeting = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      invitedUserIds: [s.users.teamMember.id],
      invitedMemberIds: [s.members.parent.id],
    });
    await buildMeeting(handle.db, {
      familyId: other.family.id,
      chairUserId: other.users.lead.id,
      invitedUserIds: [other.users.teamMember.id],
      invitedMemberIds: [other.members.parent.id],
    });
    const found = await findMeetingWithInvitees(handle.db, meeting.id);
    expect(found?.meeting).toEqual(meeting);
    expect(found?.invitedUserIds.sort()).toEqual([s.users.lead.id, s.users.teamMember.id].sort());
    expect(found?.invitedMemberIds).toEqual([s.members.parent.id]);
  });

  it("answers empty lists for a meeting with only its chair, and null for an unknown id", async () => {
    const s = await buildScenario(handle.db);
    const meeting = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const found = await findMeetingWithInvitees(handle.db, meeting.id);
    expect(found?.invitedUserIds).toEqual([s.users.lead.id]);
    expect(found?.invitedMemberIds).toEqual([]);
    expect(await findMeetingWithInvitees(handle.db, randomUUID())).toBeNull();
  });
});
