import { describe, expect, it } from "vitest";
import type { FamilyStatus } from "../shared/vocabulary";
import type { FamilyAccess } from "./actor";
import { canRecordConsentAs, canWithdrawConsent } from "./family-policy";

const base = {
  familyId: "f1",
  owningAgencyId: "agency-1",
  teamRole: null,
  familyMemberId: null,
} as const;

function access(
  who: "lead" | "member" | "manager" | "parent" | "otherParent" | "outsider",
  familyStatus: FamilyStatus = "plan_active",
): FamilyAccess {
  const practitioner = { userId: "u", role: "practitioner", agencyId: "agency-2" } as const;
  const familyUser = { userId: "u", role: "family_member", agencyId: null } as const;
  switch (who) {
    case "lead":
      return { ...base, familyStatus, actor: practitioner, teamRole: "lead_professional" };
    case "member":
      return { ...base, familyStatus, actor: practitioner, teamRole: "member" };
    case "manager":
      return {
        ...base,
        familyStatus,
        actor: { userId: "u", role: "manager", agencyId: "agency-1" },
      };
    case "parent":
      return { ...base, familyStatus, actor: familyUser, familyMemberId: "m1" };
    case "otherParent":
      return { ...base, familyStatus, actor: familyUser };
    case "outsider":
      return { ...base, familyStatus, actor: { ...practitioner, agencyId: "agency-3" } };
  }
}

describe("canRecordConsentAs", () => {
  it.each([
    ["lead", "m1", "in_person", true],
    ["lead", "m2", "online", true],
    ["member", "m2", "phone", true],
    ["parent", "m1", "online", true],
    ["parent", "m1", "in_person", false],
    ["parent", "m2", "online", false],
    ["manager", "m1", "written", false],
    ["otherParent", "m1", "online", false],
    ["outsider", "m1", "in_person", false],
  ] as const)("%s recording consent given by %s (%s) → %s", (who, giver, method, allowed) => {
    expect(canRecordConsentAs(access(who), { givenByMemberId: giver, method })).toBe(allowed);
  });

  it("allows nobody to record consent on a closed case", () => {
    const own = { givenByMemberId: "m1", method: "online" } as const;
    expect(canRecordConsentAs(access("lead", "closed"), own)).toBe(false);
    expect(canRecordConsentAs(access("parent", "closed"), own)).toBe(false);
  });
});

describe("canWithdrawConsent on a closed case", () => {
  it("still lets the giver and staff in the team withdraw", () => {
    expect(canWithdrawConsent(access("parent", "closed"), "m1")).toBe(true);
    expect(canWithdrawConsent(access("parent", "closed"), "m2")).toBe(false);
    expect(canWithdrawConsent(access("member", "closed"), "m2")).toBe(true);
    expect(canWithdrawConsent(access("manager", "closed"), "m1")).toBe(false);
  });
});
