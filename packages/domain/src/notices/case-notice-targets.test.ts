import { describe, expect, it } from "vitest";
import type { Actor, FamilyAccess } from "../authorization/actor";
import type { RequestFacts } from "../journey/request.policy";
import { canOpenNoticeTarget, noticeTarget, noticeTargetPath } from "./in-app-notices";

// The in-app links of requests for help and of sign-off (issue 10).
const familyId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
const otherFamilyId = "9d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
const requestId = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const assessmentId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";

const manager: Actor = { userId: "m", role: "manager", agencyId: "hub" };
const otherManager: Actor = { userId: "o", role: "manager", agencyId: "elsewhere" };
const asker: Actor = { userId: "a", role: "practitioner", agencyId: "school" };

function access(actor: Actor, partial: Partial<FamilyAccess> = {}): FamilyAccess {
  return {
    familyId,
    familyStatus: "plan_active",
    owningAgencyId: "hub",
    teamRole: null,
    familyMemberId: null,
    leadLineManagerId: null,
    actor,
    ...partial,
  };
}

const request: RequestFacts = {
  id: requestId,
  createdBy: asker.userId,
  receivingAgencyId: "hub",
  status: "awaiting_triage",
};

describe("a request for help's notices", () => {
  const target = { type: "request", requestId } as const;

  it("point at the request, with no family", () => {
    expect(noticeTarget("help_request_received", { requestId }, null)).toEqual(target);
    expect(
      noticeTarget(
        "help_request_outcome",
        { audience: "staff", requestId, outcome: "accepted" },
        null,
      ),
    ).toEqual(target);
    expect(noticeTarget("help_request_received", { requestId: "nope" }, null)).toEqual({
      type: "none",
    });
    expect(noticeTargetPath(target, null)).toBe(`/requests/${requestId}`);
  });

  it.each([
    ["a manager of the service asked", manager, request, true],
    ["the person who asked", asker, { ...request, status: "accepted" as const }, true],
    ["a manager of another service", otherManager, request, false],
    ["anyone, once the request is gone", manager, null, false],
    ["anyone, with another request", manager, { ...request, id: assessmentId }, false],
  ] as const)("may be opened by %s: %s", (_who, actor, facts, allowed) => {
    expect(canOpenNoticeTarget(target, null, { actor, request: facts })).toBe(allowed);
  });

  it("are never opened without the reader and the request", () => {
    expect(canOpenNoticeTarget(target, access(manager))).toBe(false);
  });
});

describe("sign-off's notices", () => {
  it("point at the assessment, or the plan's or the closure's sign-off", () => {
    const assessment = noticeTarget(
      "sign_off_waiting",
      { subject: "assessment", familyId, assessmentId },
      familyId,
    );
    expect(assessment).toEqual({ type: "assessment", familyId, assessmentId });
    const plan = noticeTarget("sign_off_waiting", { subject: "plan", familyId }, familyId);
    const closure = noticeTarget("sign_off_waiting", { subject: "closure", familyId }, familyId);
    const reader = access(manager);
    expect(noticeTargetPath(assessment, reader)).toBe(
      `/families/${familyId}/assessments/${assessmentId}`,
    );
    expect(noticeTargetPath(plan, reader)).toBe(`/families/${familyId}/plan#plan-sign-off`);
    expect(noticeTargetPath(closure, reader)).toBe(`/families/${familyId}#closure-sign-off`);
  });

  it("never point at a family other than the notice's own", () => {
    expect(
      noticeTarget("sign_off_waiting", { subject: "plan", familyId: otherFamilyId }, familyId),
    ).toEqual({ type: "none" });
  });

  it("open only while the family's policy lets the reader see the thing", () => {
    const targets = [
      { type: "assessment", familyId, assessmentId },
      { type: "sign_off", familyId, subject: "plan" },
      { type: "sign_off", familyId, subject: "closure" },
    ] as const;
    for (const target of targets) {
      // The case's service manager, and the lead's line manager.
      expect(canOpenNoticeTarget(target, access(manager))).toBe(true);
      expect(
        canOpenNoticeTarget(
          target,
          access(otherManager, { leadLineManagerId: otherManager.userId }),
        ),
      ).toBe(true);
      // A manager whose service no longer holds the case, or a family that is gone.
      expect(canOpenNoticeTarget(target, access(manager, { owningAgencyId: "elsewhere" }))).toBe(
        false,
      );
      expect(canOpenNoticeTarget(target, null)).toBe(false);
      expect(canOpenNoticeTarget(target, access(manager, { familyId: otherFamilyId }))).toBe(false);
    }
  });
});

describe("a meeting record's request to confirm", () => {
  const meetingId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
  const variables = {
    audience: "family",
    familyId,
    meetingId,
    respondBy: "2026-03-17T11:00:00.000Z",
  };

  it("points at the held meeting's form, for staff and family alike", () => {
    const target = noticeTarget("meeting_record_review", variables, familyId);
    expect(target).toEqual({ type: "meeting_record", familyId, meetingId });
    const parent = access(
      { userId: "p", role: "family_member", agencyId: null },
      { familyMemberId: "member" },
    );
    expect(canOpenNoticeTarget(target, parent)).toBe(true);
    expect(noticeTargetPath(target, parent)).toBe(
      `/families/${familyId}/meetings/${meetingId}/room#record-response`,
    );
  });

  it("never points into another family than the notice's own", () => {
    expect(noticeTarget("meeting_record_review", variables, otherFamilyId)).toEqual({
      type: "none",
    });
  });

  it("is closed to someone who may no longer read the family's meetings", () => {
    const target = noticeTarget("meeting_record_review", variables, familyId);
    expect(canOpenNoticeTarget(target, access(otherManager))).toBe(false);
    expect(canOpenNoticeTarget(target, null)).toBe(false);
  });
});
