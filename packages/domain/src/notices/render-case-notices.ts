import type { z } from "zod";
import type { SignOffSubject } from "../oversight/oversight-vocabulary";
import type {
  consentWithdrawnVariables,
  HelpRequestOutcome,
  helpRequestOutcomeVariables,
  helpRequestReceivedVariables,
  MeetingChange,
  meetingInvitationVariables,
  signOffWaitingVariables,
} from "./case-notice-variables";
import { noticeDay, noticeMoment, type RenderContext, type RenderedNotice } from "./render-notice";

type MeetingVariables = z.infer<typeof meetingInvitationVariables>;

/** What a meeting's calendar entry is called: the same for everyone, and nothing about the case. */
export const meetingCalendarSummary = "Team Around the Family meeting";

const signOff = "Teamaround\n\nThis email was sent automatically. Replies are not read.";

export function meetingRoomLink(context: RenderContext, v: MeetingVariables): string {
  return `${context.publicOrigin}/families/${v.familyId}/meetings/${v.meetingId}/room`;
}

/** The id of a meeting's row on the family's meetings page: what its notices link to. */
export function meetingAnchor(meetingId: string): string {
  return `meeting-${meetingId}`;
}

/** A meeting on the family's meetings page (staff), at its own row. */
export function meetingPagePath(familyId: string, meetingId: string): string {
  return `/families/${familyId}/meetings#${meetingAnchor(meetingId)}`;
}

/**
 * Where a meeting's notice sends its reader: the room while the meeting will
 * happen; once it will not (cancelled, or they were taken off it), the
 * meeting on the family's meetings page for staff — a cancelled meeting's
 * room does not open — and the family's own page for a family member.
 */
export function meetingNoticeLink(context: RenderContext, v: MeetingVariables): string {
  if (v.change !== "cancelled" && v.change !== "uninvited") return meetingRoomLink(context, v);
  return v.audience === "family"
    ? `${context.publicOrigin}/our-family/${v.familyId}`
    : `${context.publicOrigin}${meetingPagePath(v.familyId, v.meetingId)}`;
}

/** A request for help's own page. */
export function requestPath(requestId: string): string {
  return `/requests/${requestId}`;
}

/**
 * Where what waits for sign-off is decided: the assessment; the plan's or
 * the closure's sign-off on the family's plan or summary page.
 */
export function signOffPath(
  v:
    | { subject: "assessment"; familyId: string; assessmentId: string }
    | { subject: "plan" | "closure"; familyId: string },
): string {
  const family = `/families/${v.familyId}`;
  if (v.subject === "assessment") return `${family}/assessments/${v.assessmentId}`;
  return v.subject === "plan" ? `${family}/plan#plan-sign-off` : `${family}#closure-sign-off`;
}

const staffSubjects: Record<MeetingChange, string> = {
  booked: `Invitation: ${meetingCalendarSummary}`,
  invited: `Invitation: ${meetingCalendarSummary}`,
  moved: `Moved: ${meetingCalendarSummary}`,
  cancelled: `Cancelled: ${meetingCalendarSummary}`,
  uninvited: `No longer invited: ${meetingCalendarSummary}`,
};

const familySubjects: Record<MeetingChange, string> = {
  booked: "You are invited to a family meeting",
  invited: "You are invited to a family meeting",
  moved: "Your family meeting has moved",
  cancelled: "Your family meeting is cancelled",
  uninvited: "You are no longer invited to a family meeting",
};

function meetingLead(v: MeetingVariables, when: string): string {
  const family = v.audience === "family";
  const named = v.familyName ? ` for ${v.familyName}` : "";
  switch (v.change) {
    case "booked":
    case "invited":
      return family
        ? `You are invited to a meeting with the people who help your family, on ${when}.`
        : `You are invited to a ${meetingCalendarSummary}${named} on ${when}.`;
    case "moved":
      return family
        ? `Your meeting with the people who help your family has moved. It is now on ${when}.`
        : `A ${meetingCalendarSummary}${named} you are invited to has moved. It is now on ${when}.`;
    case "cancelled":
      return family
        ? `Your meeting with the people who help your family, on ${when}, will not happen.`
        : `The ${meetingCalendarSummary}${named} on ${when} is cancelled.`;
    case "uninvited":
      return family
        ? `You no longer need to come to the meeting on ${when}.`
        : `You are no longer invited to the ${meetingCalendarSummary}${named} on ${when}.`;
  }
}

/** The words of a meeting's invitation, change or cancellation; the calendar part is separate. */
export function renderMeetingInvitation(
  v: MeetingVariables,
  context: RenderContext,
): RenderedNotice {
  const link = meetingNoticeLink(context, v);
  const when = noticeMoment(v.startsAt);
  const off = v.change === "cancelled" || v.change === "uninvited";
  const family = v.audience === "family";
  const join = off
    ? family
      ? "It has been taken out of your calendar if you added it. The worker who supports your family will tell you if there is a new date."
      : `It has been taken out of your calendar if you added it. The family's meetings are here:\n${link}`
    : family
      ? `On the day, sign in to Teamaround and join the meeting here:\n${link}\n\nThe invitation is attached, so you can add it to your calendar. If you cannot come, tell the worker who supports your family.`
      : `Join the meeting room here when it starts:\n${link}\n\nThe calendar invitation is attached.`;
  return {
    subject: (family ? familySubjects : staffSubjects)[v.change],
    body: [meetingLead(v, when), join, signOff].join("\n\n"),
    personalisation: {
      subject: (family ? familySubjects : staffSubjects)[v.change],
      starts_at: when,
      link,
      cancelled: off ? "yes" : "no",
    },
  };
}

/** To a receiving agency: the consent they received information under was withdrawn. */
export function renderConsentWithdrawn(
  v: z.infer<typeof consentWithdrawnVariables>,
  context: RenderContext,
): RenderedNotice {
  const link = `${context.publicOrigin}/families/${v.familyId}/consents`;
  const on = noticeDay(v.withdrawnAt);
  return {
    subject: "Consent to share information has been withdrawn",
    body: [
      `A family has withdrawn, on ${on}, the consent under which your organisation received information about them through Teamaround.`,
      "Stop using or sharing that information unless you have another lawful basis to do so, and record that you were told.",
      `Practitioners of your organisation who work with the family can see the consent here:\n${link}`,
      "You are receiving this because this address is your organisation's contact for Teamaround. This is a safeguarding notice and cannot be turned off.",
      signOff,
    ].join("\n\n"),
    personalisation: { withdrawn_on: on, link },
  };
}

/** To the managers of the service asked: a new request for help waits. */
export function renderHelpRequestReceived(
  v: z.infer<typeof helpRequestReceivedVariables>,
  context: RenderContext,
): RenderedNotice {
  const link = `${context.publicOrigin}${requestPath(v.requestId)}`;
  return {
    subject: "You have a new request for help in Teamaround",
    body: [
      "Your service has been asked for help. The request is waiting to be looked at.",
      `Open it here:\n${link}`,
      signOff,
    ].join("\n\n"),
    personalisation: { link },
  };
}

const staffOutcomes: Record<HelpRequestOutcome, string> = {
  accepted: "The service accepted it: a lead professional has been allocated.",
  signposted: "The service signposted it to another service.",
  not_accepted: "The service did not accept it.",
};

const familyOutcomes: Record<HelpRequestOutcome, string> = {
  accepted: "They can help. Someone from the service will be in touch with you soon.",
  signposted:
    "They think another service can help you better. The person who asked for help with you will tell you more.",
  not_accepted:
    "They cannot help at the moment. The person who asked for help with you will tell you why.",
};

/** To whoever asked: the request was decided. Staff get a link; a family member plain words. */
export function renderHelpRequestOutcome(
  v: z.infer<typeof helpRequestOutcomeVariables>,
  context: RenderContext,
): RenderedNotice {
  if (v.audience === "family") {
    const link = `${context.publicOrigin}/`;
    return {
      subject: "An answer to your request for help",
      body: [
        "The service you asked for help has looked at your request.",
        familyOutcomes[v.outcome],
        signOff,
      ].join("\n\n"),
      personalisation: { outcome: familyOutcomes[v.outcome], link },
    };
  }
  const link = `${context.publicOrigin}${requestPath(v.requestId)}`;
  return {
    subject: "A request for help you made has been decided",
    body: [
      `A request for help you made in Teamaround has been decided. ${staffOutcomes[v.outcome]}`,
      `See the decision here:\n${link}`,
      signOff,
    ].join("\n\n"),
    personalisation: { outcome: staffOutcomes[v.outcome], link },
  };
}

const signOffWords: Record<SignOffSubject, string> = {
  assessment: "An Early Help Assessment",
  closure: "A proposal to close a case",
  plan: "A family's plan",
};

/** To the managers who may sign it off: something waits for their decision. */
export function renderSignOffWaiting(
  v: z.infer<typeof signOffWaitingVariables>,
  context: RenderContext,
): RenderedNotice {
  const link = `${context.publicOrigin}${
    v.subject === "assessment" && v.assessmentId
      ? signOffPath({ subject: "assessment", familyId: v.familyId, assessmentId: v.assessmentId })
      : signOffPath({ subject: v.subject === "plan" ? "plan" : "closure", familyId: v.familyId })
  }`;
  return {
    subject: "Something is waiting for your sign-off in Teamaround",
    body: [
      `${signOffWords[v.subject]} is waiting for a manager's sign-off.`,
      `Open it here:\n${link}`,
      "Your service's sign-off queue lists everything waiting.",
      signOff,
    ].join("\n\n"),
    personalisation: { what: signOffWords[v.subject], link },
  };
}
