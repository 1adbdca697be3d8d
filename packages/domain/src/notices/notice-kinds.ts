import { z } from "zod";
import {
  actionChangedVariables,
  actionNoticeVariables,
  dailyDigestVariables,
} from "./action-notices";
import {
  consentWithdrawnVariables,
  helpRequestOutcomeVariables,
  helpRequestReceivedVariables,
  meetingInvitationVariables,
  signOffWaitingVariables,
} from "./case-notice-variables";
import { guestInvitationVariables } from "./guest-notices";
import { meetingRecordReviewVariables } from "./record-review-notices";
import { newSignInVariables } from "./sign-in-notices";

/**
 * What the service tells people outside the page they are looking at. Each
 * kind names the variables its message is made from. Variables never hold
 * case content: a link, a date, who the message is for — never a family's
 * words, names or plan.
 */
export const noticeKinds = [
  "staff_invitation",
  "family_invitation",
  "password_changed",
  "action_assigned",
  "action_changed",
  "action_due",
  "daily_digest",
  "meeting_invitation",
  "consent_withdrawn",
  "help_request_received",
  "help_request_outcome",
  "sign_off_waiting",
  "new_sign_in",
  "guest_invitation",
  "meeting_record_review",
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeChannels = ["email", "in_app"] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

export const noticeStatuses = ["pending", "sent", "failed"] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/** Who a message is written for: staff get the service's words, families plain ones. */
export const noticeAudiences = ["staff", "family"] as const;
export type NoticeAudience = (typeof noticeAudiences)[number];

const isoInstant = z.iso.datetime({ offset: true });
/** A set-password token as `@teamaround/auth` makes them (base32, lower case). */
const setPasswordToken = z.string().regex(/^[a-z2-7]{16,64}$/, "not a set-password token");

const invitationVariables = z.strictObject({ token: setPasswordToken, expiresAt: isoInstant });

export const noticeVariableSchemas = {
  staff_invitation: invitationVariables,
  family_invitation: invitationVariables,
  password_changed: z.strictObject({
    audience: z.enum(noticeAudiences),
    changedAt: isoInstant,
  }),
  action_assigned: actionNoticeVariables,
  action_changed: actionChangedVariables,
  action_due: actionNoticeVariables,
  daily_digest: dailyDigestVariables,
  meeting_invitation: meetingInvitationVariables,
  consent_withdrawn: consentWithdrawnVariables,
  help_request_received: helpRequestReceivedVariables,
  help_request_outcome: helpRequestOutcomeVariables,
  sign_off_waiting: signOffWaitingVariables,
  new_sign_in: newSignInVariables,
  guest_invitation: guestInvitationVariables,
  meeting_record_review: meetingRecordReviewVariables,
} as const satisfies Record<NoticeKind, z.ZodType>;

export type NoticeVariables<K extends NoticeKind> = z.infer<(typeof noticeVariableSchemas)[K]>;

/** A kind with its variables, checked together. */
export type NoticeContent = {
  [K in NoticeKind]: { kind: K; variables: NoticeVariables<K> };
}[NoticeKind];

/**
 * Variables that are secrets (a set-password token): the outbox keeps them
 * only until the notice is sent or given up, then removes them from the row.
 */
export const noticeSecretVariables: { [K in NoticeKind]: readonly string[] } = {
  staff_invitation: ["token"],
  family_invitation: ["token"],
  password_changed: [],
  action_assigned: [],
  action_changed: [],
  action_due: [],
  daily_digest: [],
  meeting_invitation: [],
  consent_withdrawn: [],
  help_request_received: [],
  help_request_outcome: [],
  sign_off_waiting: [],
  new_sign_in: [],
  guest_invitation: ["token", "code"],
  meeting_record_review: [],
};

/** Checks stored or submitted variables against their kind; throws a ZodError when wrong. */
export function parseNoticeContent(kind: NoticeKind, variables: unknown): NoticeContent {
  const schema: z.ZodType = noticeVariableSchemas[kind];
  return { kind, variables: schema.parse(variables) } as NoticeContent;
}
