import { renderGuestInvitation } from "./guest-notices";
import type { NoticeContent } from "./notice-kinds";
import { renderMeetingRecordReview } from "./record-review-notices";
import {
  renderConsentWithdrawn,
  renderHelpRequestOutcome,
  renderHelpRequestReceived,
  renderMeetingInvitation,
  renderSignOffWaiting,
} from "./render-case-notices";
import { renderWorkNotice } from "./render-work-notices";
import { renderNewSignIn } from "./sign-in-notices";

/**
 * A notice as words. `subject` and `body` are what SMTP and the local outbox
 * send; `personalisation` is what a GOV.UK Notify template of the same kind
 * fills its ((placeholders)) with. None of them carries case content.
 */
export interface RenderedNotice {
  subject: string;
  body: string;
  personalisation: Record<string, string>;
}

export interface RenderContext {
  /** The origin people open the service at, e.g. https://teamaround.example.gov.uk. */
  publicOrigin: string;
}

const ukDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const ukTime = new Intl.DateTimeFormat("en-GB", {
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
  timeZone: "Europe/London",
});

/** "3 March 2026" in UK time. */
export function noticeDay(iso: string): string {
  return ukDate.format(new Date(iso));
}

/** "3 March 2026 at 2:05pm" in UK time. */
export function noticeMoment(iso: string): string {
  const date = new Date(iso);
  return `${ukDate.format(date)} at ${ukTime.format(date).replace(/\s/g, "")}`;
}

function setPasswordLink(context: RenderContext, token: string): string {
  return `${context.publicOrigin}/set-password?token=${encodeURIComponent(token)}`;
}

const signOff = "Teamaround\n\nThis email was sent automatically. Replies are not read.";

/** The words of each kind. Family members get plain words; nothing about the case is ever said. */
export function renderNotice(content: NoticeContent, context: RenderContext): RenderedNotice {
  switch (content.kind) {
    case "staff_invitation": {
      const link = setPasswordLink(context, content.variables.token);
      const expiresOn = noticeDay(content.variables.expiresAt);
      return {
        subject: "Set your Teamaround password",
        body: [
          "An administrator has set up a Teamaround account for you.",
          `Choose your password here:\n${link}`,
          `The link works once, until ${expiresOn}. If it has stopped working, ask your administrator for a new one.`,
          "If you were not expecting this email, you can ignore it.",
          signOff,
        ].join("\n\n"),
        personalisation: { link, expires_on: expiresOn },
      };
    }
    case "family_invitation": {
      const link = setPasswordLink(context, content.variables.token);
      const expiresOn = noticeDay(content.variables.expiresAt);
      return {
        subject: "You can now see your family's plan online",
        body: [
          "The worker who supports your family has asked us to send you this.",
          `You can now see your family's plan online. First, choose a password here:\n${link}`,
          `This link works once, until ${expiresOn}. If it has stopped working, ask your worker for a new one.`,
          "If you were not expecting this email, you can ignore it.",
          signOff,
        ].join("\n\n"),
        personalisation: { link, expires_on: expiresOn },
      };
    }
    case "password_changed": {
      const changedAt = noticeMoment(content.variables.changedAt);
      const link = `${context.publicOrigin}/`;
      const whoToTell =
        content.variables.audience === "family"
          ? "If you did not do this, tell the worker who supports your family straight away."
          : "If you did not do this, tell your administrator straight away.";
      return {
        subject: "Your Teamaround password was set",
        body: [
          `A new password was set for your Teamaround account on ${changedAt}.`,
          whoToTell,
          `Sign in here:\n${link}`,
          signOff,
        ].join("\n\n"),
        personalisation: { changed_at: changedAt, link },
      };
    }
    case "action_assigned":
    case "action_changed":
    case "action_due":
    case "daily_digest":
      return renderWorkNotice(content, context);
    case "meeting_invitation":
      return renderMeetingInvitation(content.variables, context);
    case "consent_withdrawn":
      return renderConsentWithdrawn(content.variables, context);
    case "help_request_received":
      return renderHelpRequestReceived(content.variables, context);
    case "help_request_outcome":
      return renderHelpRequestOutcome(content.variables, context);
    case "sign_off_waiting":
      return renderSignOffWaiting(content.variables, context);
    case "new_sign_in":
      return renderNewSignIn(content.variables, context);
    case "guest_invitation":
      return renderGuestInvitation(content.variables, context);
    case "meeting_record_review":
      return renderMeetingRecordReview(content.variables, context);
  }
}
