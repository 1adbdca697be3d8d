import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "../authorization/actor";
import type { TeamRole, UserRole } from "../shared/vocabulary";
import { canRecordFollowUp, isFollowUpDue } from "./follow-up.policy";

function access(userId: string, role: UserRole, teamRole: TeamRole | null): FamilyAccess {
  return {
    actor: { userId, role, agencyId: "agency-1" },
    familyId: "f",
    familyStatus: "closed",
    owningAgencyId: "agency-1",
    teamRole,
    familyMemberId: role === "family_member" ? "m" : null,
  };
}

describe("canRecordFollowUp", () => {
  const check = { leadUserId: "former-lead" };
  it.each([
    {
      who: "the family's lead now",
      a: access("new-lead", "practitioner", "lead_professional"),
      expected: true,
    },
    {
      who: "the lead at closure, since left",
      a: access("former-lead", "practitioner", null),
      expected: true,
    },
    { who: "a team member", a: access("someone", "practitioner", "member"), expected: false },
    { who: "the service manager", a: access("boss", "manager", null), expected: false },
    { who: "a family member", a: access("parent", "family_member", null), expected: false },
  ])("$who: $expected", ({ a, expected }) => {
    expect(canRecordFollowUp(a, check)).toBe(expected);
  });

  it("gives nobody a check with no lead recorded except the lead now", () => {
    expect(canRecordFollowUp(access("x", "practitioner", null), { leadUserId: null })).toBe(false);
  });
});

describe("isFollowUpDue", () => {
  it.each([
    { dueOn: "2026-11-29", result: null, expected: true },
    { dueOn: "2026-11-01", result: null, expected: true },
    { dueOn: "2026-11-30", result: null, expected: false },
    { dueOn: "2026-11-01", result: "sustained", expected: false },
  ])("due $dueOn, answered $result: $expected", ({ dueOn, result, expected }) => {
    expect(isFollowUpDue({ dueOn, result }, "2026-11-29")).toBe(expected);
  });
});
