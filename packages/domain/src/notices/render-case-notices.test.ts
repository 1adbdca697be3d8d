import { describe, expect, it } from "vitest";
import { meetingChanges } from "./case-notice-variables";
import { noticeCalendar } from "./meeting-calendar";
import { parseNoticeContent } from "./notice-kinds";
import { isOptionalByEmail, wantsEmail } from "./notice-preferences";
import { renderNotice } from "./render-notice";

const context = { publicOrigin: "https://tac.example.gov.uk" };
const familyId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
const meetingId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const requestId = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const meeting = {
  audience: "staff",
  change: "booked",
  familyId,
  meetingId,
  sequence: 0,
  startsAt: "2026-03-10T10:00:00.000Z",
  endsAt: "2026-03-10T11:00:00.000Z",
} as const;
const room = `https://tac.example.gov.uk/families/${familyId}/meetings/${meetingId}/room`;
const jargon =
  /lead professional|[Pp]ractitioner|Early Help|\bTAC\b|Team Around|[Tt]riage|[Ss]ignpost/;

const render = (kind: Parameters<typeof parseNoticeContent>[0], variables: unknown) =>
  renderNotice(parseNoticeContent(kind, variables), context);

describe("meeting invitations", () => {
  it.each(meetingChanges)("%s: the time in UK time and the room's link", (change) => {
    const staff = render("meeting_invitation", { ...meeting, change });
    expect(staff.body).toContain("10 March 2026 at 10:00am");
    expect(staff.personalisation).toMatchObject({ starts_at: "10 March 2026 at 10:00am" });
    const off = change === "cancelled" || change === "uninvited";
    if (!off) expect(staff.body).toContain(room);
    // Once it will not happen, staff are sent to the meeting on the family's meetings page.
    if (off) {
      const page = `https://tac.example.gov.uk/families/${familyId}/meetings#meeting-${meetingId}`;
      expect(staff.body).toContain(page);
      expect(staff.personalisation).toMatchObject({ link: page });
    }
    const family = render("meeting_invitation", { ...meeting, change, audience: "family" });
    expect(`${family.subject} ${family.body}`).not.toMatch(jargon);
  });

  it("names the family to staff only where the variables carry it, and never to the family", () => {
    const named = render("meeting_invitation", { ...meeting, familyName: "The Ashdown family" });
    expect(named.body).toContain("for The Ashdown family");
    expect(named.subject).not.toContain("Ashdown");
    expect(() =>
      parseNoticeContent("meeting_invitation", {
        ...meeting,
        audience: "family",
        familyName: "The Ashdown family",
      }),
    ).toThrow();
  });

  it("is a calendar request with the meeting's UID, or a cancellation", () => {
    const booked = noticeCalendar(parseNoticeContent("meeting_invitation", meeting), context);
    expect(booked).toMatchObject({
      method: "REQUEST",
      status: "CONFIRMED",
      uid: `${meetingId}@tac.example.gov.uk`,
      sequence: 0,
      summary: "Team Around the Family meeting",
      url: room,
    });
    expect(booked?.start.toISOString()).toBe(meeting.startsAt);
    expect(booked?.end.toISOString()).toBe(meeting.endsAt);
    const cancelled = noticeCalendar(
      parseNoticeContent("meeting_invitation", { ...meeting, change: "cancelled", sequence: 3 }),
      context,
    );
    expect(cancelled).toMatchObject({ method: "CANCEL", status: "CANCELLED", sequence: 3 });
    expect(cancelled?.uid).toBe(booked?.uid);
    // A cancelled meeting's room does not open: its entry points at the meeting on the page.
    expect(cancelled?.url).toBe(
      `https://tac.example.gov.uk/families/${familyId}/meetings#meeting-${meetingId}`,
    );
    const other = parseNoticeContent("help_request_received", { requestId });
    expect(noticeCalendar(other, context)).toBeNull();
  });
});

describe("the other case notices", () => {
  it("tell an agency that consent was withdrawn, with the day and nothing about the family", () => {
    const rendered = render("consent_withdrawn", {
      familyId,
      withdrawnAt: "2026-03-10T10:00:00.000Z",
    });
    expect(rendered.subject).toBe("Consent to share information has been withdrawn");
    expect(rendered.body).toContain("10 March 2026");
    expect(rendered.body).toContain(`https://tac.example.gov.uk/families/${familyId}/consents`);
    expect(rendered.body).toContain("cannot be turned off");
  });

  it("are never optional: no preference stops a safeguarding notice or an invitation to a meeting", () => {
    for (const kind of ["consent_withdrawn", "meeting_invitation"] as const) {
      expect(isOptionalByEmail(kind)).toBe(false);
      expect(wantsEmail({ emailOff: ["action_assigned", "daily_digest"] }, kind)).toBe(true);
    }
  });

  it("tell the asker the outcome: staff with a link, a family member in plain words", () => {
    for (const outcome of ["accepted", "signposted", "not_accepted"] as const) {
      const staff = render("help_request_outcome", { audience: "staff", requestId, outcome });
      expect(staff.body).toContain(`https://tac.example.gov.uk/requests/${requestId}`);
      const family = render("help_request_outcome", { audience: "family", requestId, outcome });
      expect(`${family.subject} ${family.body}`).not.toMatch(jargon);
      expect(family.body).not.toContain(requestId);
    }
  });

  it("send a manager to what waits for their sign-off", () => {
    const assessmentId = meetingId;
    const assessment = render("sign_off_waiting", {
      subject: "assessment",
      familyId,
      assessmentId,
    });
    expect(assessment.body).toContain(`/families/${familyId}/assessments/${assessmentId}`);
    expect(render("sign_off_waiting", { subject: "plan", familyId }).body).toContain(
      `/families/${familyId}/plan#plan-sign-off`,
    );
    expect(render("sign_off_waiting", { subject: "closure", familyId }).body).toContain(
      `/families/${familyId}#closure-sign-off`,
    );
    expect(() =>
      parseNoticeContent("sign_off_waiting", { subject: "plan", familyId, assessmentId }),
    ).toThrow();
    expect(() =>
      parseNoticeContent("sign_off_waiting", { subject: "assessment", familyId }),
    ).toThrow();
  });
});
