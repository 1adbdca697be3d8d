import { describe, expect, it } from "vitest";
import type { FamilyAccess, Relationship } from "../authorization/actor";
import { canJoinMeeting, type MeetingForJoin, meetingJoinRefusal } from "./meeting.policy";

const base = {
  familyId: "f1",
  familyStatus: "plan_active" as const,
  owningAgencyId: "agency-1",
  teamRole: null,
  familyMemberId: null,
};

function accessFor(relationship: Relationship, userId = "u1"): FamilyAccess {
  const staff = { userId, role: "practitioner" as const, agencyId: "agency-2" };
  switch (relationship) {
    case "lead_professional":
      return { ...base, actor: staff, teamRole: "lead_professional" };
    case "team_member":
      return { ...base, actor: staff, teamRole: "member" };
    case "service_manager":
      return { ...base, actor: { userId, role: "manager", agencyId: "agency-1" } };
    case "family_member":
      return {
        ...base,
        actor: { userId, role: "family_member", agencyId: null },
        familyMemberId: "m1",
      };
    case "administrator":
      return { ...base, actor: { userId, role: "administrator", agencyId: null } };
    case "guest":
      return {
        ...base,
        actor: { userId, role: "guest", agencyId: null },
        guest: { meetingId: "meeting-1", mayWrite: false },
      };
    case "outsider":
      return { ...base, actor: { ...staff, agencyId: "agency-3" } };
  }
}

const invitingEveryone: MeetingForJoin = {
  familyId: "f1",
  state: "live",
  invitedUserIds: ["u1"],
  invitedMemberIds: ["m1"],
};
const invitingNoOne: MeetingForJoin = {
  ...invitingEveryone,
  invitedUserIds: [],
  invitedMemberIds: [],
};

describe("canJoinMeeting", () => {
  it.each([
    ["lead_professional", true, true],
    ["team_member", true, false],
    ["family_member", true, false],
    ["service_manager", false, false],
    ["administrator", false, false],
    ["outsider", false, false],
  ] as const)("%s: invited %s, not invited %s", (relationship, whenInvited, whenNot) => {
    expect(canJoinMeeting(accessFor(relationship), invitingEveryone)).toBe(whenInvited);
    expect(canJoinMeeting(accessFor(relationship), invitingNoOne)).toBe(whenNot);
  });

  it("says why a join is refused", () => {
    expect(meetingJoinRefusal(accessFor("service_manager"), invitingEveryone)).toBe("not_allowed");
    expect(meetingJoinRefusal(accessFor("team_member"), invitingNoOne)).toBe("not_invited");
    expect(
      meetingJoinRefusal(accessFor("team_member"), { ...invitingEveryone, state: "scheduled" }),
    ).toBe("not_live");
  });

  it.each(["scheduled", "ended", "cancelled"] as const)("refuses everyone when %s", (state) => {
    expect(canJoinMeeting(accessFor("lead_professional"), { ...invitingEveryone, state })).toBe(
      false,
    );
  });

  it("refuses a meeting of another family, and everyone on a closed case", () => {
    const elsewhere = { ...invitingEveryone, familyId: "f2" };
    expect(canJoinMeeting(accessFor("lead_professional"), elsewhere)).toBe(false);
    const closed = { ...accessFor("team_member"), familyStatus: "closed" as const };
    expect(canJoinMeeting(closed, invitingEveryone)).toBe(false);
  });

  it("matches family members by their member record, not their user id", () => {
    const member = accessFor("family_member", "m1");
    expect(
      canJoinMeeting(member, { ...invitingEveryone, invitedMemberIds: [], invitedUserIds: ["m1"] }),
    ).toBe(false);
  });
});
