import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "../authorization/actor";
import { canRequestCorrection, canSeeCorrectionRequest } from "./correction-request.policy";
import { correctionRecordKinds } from "./record-corrections";

function access(
  role: "practitioner" | "manager" | "family_member",
  teamRole: FamilyAccess["teamRole"],
  userId = "u1",
): FamilyAccess {
  return {
    actor: { userId, role, agencyId: role === "family_member" ? null : "agency-1" },
    familyId: "f1",
    familyStatus: "closed",
    owningAgencyId: "agency-1",
    teamRole,
    familyMemberId: role === "family_member" ? "m1" : null,
  };
}

const parent = access("family_member", null, "parent");
const lead = access("practitioner", "lead_professional");
const teamMember = access("practitioner", "member");

describe("correction requests", () => {
  it.each(correctionRecordKinds)(
    "a family member may ask about a closed %s they can read",
    (kind) => {
      expect(canRequestCorrection(parent, kind)).toBe(true);
      expect(canRequestCorrection(lead, kind)).toBe(false);
    },
  );

  it("shows a family member their own requests only, and the lead every request", () => {
    expect(canSeeCorrectionRequest(parent, { requestedBy: "parent" })).toBe(true);
    expect(canSeeCorrectionRequest(parent, { requestedBy: "other-parent" })).toBe(false);
    expect(canSeeCorrectionRequest(lead, { requestedBy: "other-parent" })).toBe(true);
    expect(canSeeCorrectionRequest(teamMember, { requestedBy: "other-parent" })).toBe(false);
  });
});
