import { z } from "zod";
import { noticeMoment, type RenderContext, type RenderedNotice } from "./render-notice";

/** The one-time code a guest types: eight digits, so it reads well over the phone. */
export const guestCodePattern = /^[0-9]{8}$/;
/** A guest link's token as `@teamaround/auth` makes them (base32, lower case). */
export const guestLinkTokenPattern = /^[a-z2-7]{16,64}$/;

/**
 * "You are invited to a meeting" for a partner without an account. The link
 * and the code are secrets (removed from the outbox row once sent); nothing
 * names the family, the child or the case.
 */
export const guestInvitationVariables = z.strictObject({
  token: z.string().regex(guestLinkTokenPattern, "not a guest link token"),
  code: z.string().regex(guestCodePattern, "not a guest code"),
  inviterName: z.string().min(1).max(200),
  startsAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type GuestInvitationVariables = z.infer<typeof guestInvitationVariables>;

export function guestLinkPath(token: string): string {
  return `/guest/${encodeURIComponent(token)}`;
}

export function renderGuestInvitation(
  variables: GuestInvitationVariables,
  context: RenderContext,
): RenderedNotice {
  const link = `${context.publicOrigin}${guestLinkPath(variables.token)}`;
  const startsAt = noticeMoment(variables.startsAt);
  const expiresAt = noticeMoment(variables.expiresAt);
  return {
    subject: "You are invited to a Teamaround meeting",
    body: [
      `${variables.inviterName} has invited you to join a Team Around the Child meeting on ${startsAt}.`,
      `Open this link when the meeting starts:\n${link}`,
      `Then enter this code: ${variables.code}`,
      `The code works once. The link stops working when the meeting ends, and at the latest on ${expiresAt}.`,
      "If you were not expecting this email, you can ignore it.",
      "Teamaround\n\nThis email was sent automatically. Replies are not read.",
    ].join("\n\n"),
    personalisation: {
      link,
      code: variables.code,
      inviter_name: variables.inviterName,
      starts_at: startsAt,
      expires_at: expiresAt,
    },
  };
}
