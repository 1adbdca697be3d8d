import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "./actor";
import { canChangeActionFields } from "./family-policy";

const base = {
  familyId: "f1",
  familyStatus: "plan_active",
  owningAgencyId: "agency-1",
  teamRole: null,
  familyMemberId: null,
} as const;
const parent: FamilyAccess = {
  ...base,
  actor: { userId: "p", role: "family_member", agencyId: null },
  familyMemberId: "m1",
};
const teamMember: FamilyAccess = {
  ...base,
  actor: { userId: "t", role: "practitioner", agencyId: "agency-2" },
  teamRole: "member",
};

describe("canChangeActionFields", () => {
  it.each([
    ["owner marks done", parent, ["m1"], { fields: ["status"], status: "done" }, true],
    ["owner reopens", parent, ["m1"], { fields: ["status"], status: "open" }, true],
    ["owner drops", parent, ["m1"], { fields: ["status"], status: "dropped" }, false],
    ["owner edits text", parent, ["m1"], { fields: ["text"] }, false],
    ["owner edits status and owners", parent, ["m1"], { fields: ["status", "owners"] }, false],
    ["non-owner marks done", parent, ["m2"], { fields: ["status"], status: "done" }, false],
    [
      "staff edits anything",
      teamMember,
      [],
      { fields: ["text", "owners"], status: "dropped" },
      true,
    ],
  ] as const)("%s → %s", (_name, access, owners, change, allowed) => {
    expect(canChangeActionFields(access, owners, change)).toBe(allowed);
  });

  it("refuses everyone on a closed case", () => {
    const closed = { ...teamMember, familyStatus: "closed" } as const;
    expect(canChangeActionFields(closed, [], { fields: ["text"] })).toBe(false);
  });
});
