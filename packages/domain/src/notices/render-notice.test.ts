import { describe, expect, it } from "vitest";
import { noticeKinds, parseNoticeContent } from "./notice-kinds";
import { noticeMoment, renderNotice } from "./render-notice";

const context = { publicOrigin: "https://tac.example.gov.uk" };
const token = "abcdefghijklmnopqrstuvwxyz234567";
const actionId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const familyId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
const examples = {
  staff_invitation: { token, expiresAt: "2026-03-10T12:00:00.000Z" },
  family_invitation: { token, expiresAt: "2026-03-10T12:00:00.000Z" },
  password_changed: { audience: "family", changedAt: "2026-07-03T13:05:00.000Z" },
  action_assigned: { actionId, familyId, dueDate: "2026-03-10" },
  action_changed: { actionId, familyId, dueDate: "2026-03-10", changed: ["due_date"] },
  action_due: { actionId, familyId, dueDate: "2026-03-10" },
  daily_digest: { day: "2026-03-10", overdueActions: 2, reviewsDue: 1 },
  meeting_invitation: {
    audience: "staff",
    change: "booked",
    familyId,
    meetingId: actionId,
    sequence: 0,
    startsAt: "2026-03-10T10:00:00.000Z",
    endsAt: "2026-03-10T11:00:00.000Z",
  },
  consent_withdrawn: { familyId, withdrawnAt: "2026-03-10T10:00:00.000Z" },
  help_request_received: { requestId: actionId },
  help_request_outcome: { audience: "staff", requestId: actionId, outcome: "accepted" },
  sign_off_waiting: { subject: "closure", familyId },
  new_sign_in: {
    audience: "staff",
    signedInAt: "2026-03-10T10:00:00.000Z",
    browser: "Chrome",
    system: "Windows",
  },
  guest_invitation: {
    token: "abcdefghijklmnopqrstuvwxyz234567",
    code: "12345678",
    inviterName: "Sam Lead",
    startsAt: "2026-03-10T10:00:00.000Z",
    expiresAt: "2026-03-10T11:00:00.000Z",
  },
  meeting_record_review: {
    audience: "family",
    familyId,
    meetingId: actionId,
    respondBy: "2026-03-17T11:00:00.000Z",
  },
} as const;

describe("renderNotice", () => {
  it.each(noticeKinds)("%s has a subject, a body with the link and Notify fields", (kind) => {
    const rendered = renderNotice(parseNoticeContent(kind, examples[kind]), context);
    expect(rendered.subject.length).toBeGreaterThan(0);
    expect(rendered.body).toContain("https://tac.example.gov.uk/");
    expect(rendered.personalisation.link).toMatch(/^https:\/\/tac\.example\.gov\.uk\//);
    expect(rendered.subject).not.toMatch(/[\r\n]/);
  });

  it("puts the set-password link in invitations", () => {
    const rendered = renderNotice(
      parseNoticeContent("staff_invitation", examples.staff_invitation),
      context,
    );
    expect(rendered.body).toContain(`https://tac.example.gov.uk/set-password?token=${token}`);
    expect(rendered.body).toContain("10 March 2026");
  });

  it("speaks to families in plain words", () => {
    const rendered = renderNotice(
      parseNoticeContent("family_invitation", examples.family_invitation),
      context,
    );
    expect(rendered.body).toContain("The worker who supports your family");
    expect(rendered.body).not.toMatch(/lead professional|practitioner|Early Help|TAC/);
  });

  it("tells a family member whom to tell about a password change they did not make", () => {
    const family = renderNotice(
      parseNoticeContent("password_changed", examples.password_changed),
      context,
    );
    expect(family.body).toContain("the worker who supports your family");
    const staff = renderNotice(
      parseNoticeContent("password_changed", { ...examples.password_changed, audience: "staff" }),
      context,
    );
    expect(staff.body).toContain("your administrator");
  });

  it("gives moments in UK time", () => {
    expect(noticeMoment("2026-07-03T13:05:00.000Z")).toBe("3 July 2026 at 2:05pm");
    expect(noticeMoment("2026-01-03T13:05:00.000Z")).toBe("3 January 2026 at 1:05pm");
    expect(noticeMoment("2026-01-03T12:30:00.000Z")).toBe("3 January 2026 at 12:30pm");
    expect(noticeMoment("2026-01-03T00:05:00.000Z")).toBe("3 January 2026 at 12:05am");
  });
});

describe("parseNoticeContent", () => {
  it("refuses variables its kind does not have", () => {
    expect(() =>
      parseNoticeContent("password_changed", { ...examples.password_changed, plan: "words" }),
    ).toThrow();
    expect(() =>
      parseNoticeContent("staff_invitation", { token: "x", expiresAt: "soon" }),
    ).toThrow();
  });
});
