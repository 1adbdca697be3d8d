import { describe, expect, it } from "vitest";
import type { TeamRole, UserRole } from "../shared/vocabulary";
import type { FamilyAccess } from "./actor";
import { canSeeEqualityFields } from "./equality-fields";

function access(
  role: UserRole,
  teamRole: TeamRole | null,
  familyMemberId: string | null = null,
  agencyId: string | null = "agency-1",
): FamilyAccess {
  return {
    actor: { userId: "u", role, agencyId },
    familyId: "f",
    familyStatus: "plan_active",
    owningAgencyId: "agency-1",
    teamRole,
    familyMemberId,
  };
}

describe("canSeeEqualityFields", () => {
  it.each([
    { who: "the lead", a: access("practitioner", "lead_professional"), expected: true },
    { who: "a team member", a: access("practitioner", "member"), expected: true },
    { who: "the service's manager", a: access("manager", null), expected: true },
    {
      who: "a manager of another service",
      a: access("manager", null, null, "agency-2"),
      expected: false,
    },
    { who: "an administrator outside the team", a: access("administrator", null), expected: false },
    { who: "a practitioner outside the team", a: access("practitioner", null), expected: false },
    { who: "the member themselves", a: access("family_member", null, "me"), expected: true },
    {
      who: "another member of the family",
      a: access("family_member", null, "someone-else"),
      expected: false,
    },
  ])("$who sees member me's equality fields: $expected", ({ a, expected }) => {
    expect(canSeeEqualityFields(a, "me")).toBe(expected);
  });

  it("still shows them once the case is closed", () => {
    expect(
      canSeeEqualityFields(
        { ...access("family_member", null, "me"), familyStatus: "closed" },
        "me",
      ),
    ).toBe(true);
  });
});
