import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "../authorization/actor";
import { type PlanVersionContent, planVersionFormat, versionForAudience } from "./plan-version";

const content: PlanVersionContent = {
  format: planVersionFormat,
  meeting: {
    id: "m",
    kind: "review",
    scheduledFor: "2026-01-01T10:00:00.000Z",
    startedAt: null,
    endedAt: "2026-01-01T11:00:00.000Z",
    chairUserId: "u",
    agenda: [],
  },
  documents: { plan: { worries: "rent" }, voice: { family_words: "hi" }, notes: { notes: "x" } },
  outcomes: [],
  actions: [],
  attendance: [],
  chat: [],
  decisions: [],
};
const snapshots = { plan: "AA==", voice: "AA==", notes: "AA==" };
const base = { familyId: "f", familyStatus: "plan_active" as const, owningAgencyId: "a" };

describe("versionForAudience", () => {
  it("takes the practitioners' notes out of what a family member receives", () => {
    const access: FamilyAccess = {
      ...base,
      actor: { userId: "p", role: "family_member", agencyId: null },
      teamRole: null,
      familyMemberId: "m1",
    };
    const seen = versionForAudience(access, content, snapshots);
    expect(Object.keys(seen.content.documents)).toEqual(["plan", "voice"]);
    expect(Object.keys(seen.snapshots)).toEqual(["plan", "voice"]);
    expect(seen.hiddenDocuments).toEqual(["notes"]);
    expect(content.documents.notes).toBeDefined();
  });

  it("gives staff in the team everything", () => {
    const access: FamilyAccess = {
      ...base,
      actor: { userId: "t", role: "practitioner", agencyId: "b" },
      teamRole: "member",
      familyMemberId: null,
    };
    const seen = versionForAudience(access, content, snapshots);
    expect(seen.hiddenDocuments).toEqual([]);
    expect(seen.content.documents.notes).toEqual({ notes: "x" });
  });
});
