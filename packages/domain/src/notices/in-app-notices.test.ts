import { describe, expect, it } from "vitest";
import type { FamilyAccess } from "../authorization/actor";
import {
  canOpenNoticeTarget,
  describeStoredNotice,
  noticeTarget,
  noticeTargetPath,
} from "./in-app-notices";

const familyId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
const actionId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const meetingId = "7e1f0a3b-2c4d-4e5f-8a6b-9c0d1e2f3a4b";

function access(partial: Partial<FamilyAccess> & Pick<FamilyAccess, "actor">): FamilyAccess {
  return {
    familyId,
    familyStatus: "plan_active",
    owningAgencyId: "agency-1",
    teamRole: null,
    familyMemberId: null,
    leadLineManagerId: null,
    ...partial,
  };
}
const practitioner = { userId: "p", role: "practitioner", agencyId: "agency-2" } as const;
const inTeam = access({ actor: practitioner, teamRole: "member" });
const leftTeam = access({ actor: practitioner });
const parent = access({
  actor: { userId: "f", role: "family_member", agencyId: null },
  familyMemberId: "m1",
});

describe("what an in-app notice points at", () => {
  it("reads the target from the variables and the notice's family", () => {
    expect(
      noticeTarget("action_assigned", { actionId, familyId, dueDate: "2026-03-10" }, familyId),
    ).toEqual({
      type: "action",
      familyId,
      actionId,
    });
    expect(noticeTarget("action_assigned", { meetingId }, familyId)).toEqual({
      type: "meeting",
      familyId,
      meetingId,
    });
    expect(noticeTarget("password_changed", {}, familyId)).toEqual({ type: "family", familyId });
    expect(noticeTarget("password_changed", {}, null)).toEqual({ type: "none" });
    expect(noticeTarget("daily_digest", { day: "2026-03-10" }, null)).toEqual({ type: "my_work" });
    expect(noticeTarget("action_due", { actionId: "not-an-id" }, familyId)).toEqual({
      type: "family",
      familyId,
    });
  });
});

describe("who may still open it (the family's policy, now)", () => {
  const action = { type: "action", familyId, actionId } as const;
  const meeting = { type: "meeting", familyId, meetingId } as const;
  const family = { type: "family", familyId } as const;

  it.each([
    ["a team member", inTeam, true],
    ["someone who left the team", leftTeam, false],
    ["the family", parent, true],
    ["nobody (the family is gone)", null, false],
  ] as const)("%s", (_who, who, allowed) => {
    for (const target of [action, meeting, family]) {
      expect(canOpenNoticeTarget(target, who)).toBe(allowed);
    }
  });

  it("never opens another family's thing with this family's access", () => {
    const other = { ...action, familyId: "9d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a" };
    expect(canOpenNoticeTarget(other, inTeam)).toBe(false);
  });

  it("lets anyone open My work and notices without a target", () => {
    expect(canOpenNoticeTarget({ type: "my_work" }, null)).toBe(true);
    expect(canOpenNoticeTarget({ type: "none" }, null)).toBe(true);
  });

  it("links staff to the case and the family to their own pages", () => {
    expect(noticeTargetPath(action, inTeam)).toBe(
      `/families/${familyId}/outcomes#action-${actionId}`,
    );
    expect(noticeTargetPath(action, parent)).toBe(`/our-family/${familyId}#action-${actionId}`);
    expect(noticeTargetPath(meeting, inTeam)).toBe(
      `/families/${familyId}/meetings#meeting-${meetingId}`,
    );
    expect(noticeTargetPath({ type: "my_work" }, null)).toBe("/my-work");
  });
});

describe("an in-app notice's words", () => {
  it("says what happened without case content", () => {
    expect(
      describeStoredNotice("action_assigned", { actionId, familyId, dueDate: "2026-03-10" }),
    ).toEqual({
      title: "You have a new action",
      summary: "Due 10 March 2026.",
    });
    expect(
      describeStoredNotice("daily_digest", { day: "2026-03-10", overdueActions: 1, reviewsDue: 2 }),
    ).toEqual({
      title: "Your summary for today",
      summary: "1 overdue action, 2 reviews due with no meeting booked",
    });
    expect(describeStoredNotice("action_due", { nonsense: true })).toEqual({
      title: "A notice from Teamaround",
      summary: null,
    });
  });
});
