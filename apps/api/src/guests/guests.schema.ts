import { z } from "@hono/zod-openapi";
import { guestCodePattern, guestLinkTokenPattern, safeLine } from "@teamaround/domain";
import { uuidParam } from "../http/openapi";

export const GuestParams = z.object({
  familyId: uuidParam("familyId"),
  meetingId: uuidParam("meetingId"),
  guestId: uuidParam("guestId"),
});

export const InviteGuestBody = z
  .strictObject({
    name: safeLine({ max: 120 }).describe("The guest's name, as the others will see it"),
    organisation: safeLine({ max: 160 }).describe("Where they work, e.g. Riverside Surgery"),
    email: z.email().toLowerCase().max(320).describe("Where the link and one-time code go"),
    role: safeLine({ max: 80 }).describe(
      "What they are, in their field's words (GP, School nurse)",
    ),
    mayWrite: z.boolean().default(false).describe("Whether they may write in the plan"),
  })
  .openapi("InviteGuest");

export const guestStatuses = ["invited", "joined", "revoked", "expired", "locked"] as const;

export const MeetingGuest = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisation: z.string(),
    email: z.string(),
    role: z.string(),
    mayWrite: z.boolean(),
    status: z
      .enum(guestStatuses)
      .describe(
        "invited: code not used yet; joined: signed in with the code; locked: too many wrong codes",
      ),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .openapi("MeetingGuest");

export const GuestSignInBody = z
  .strictObject({
    token: z.string().regex(guestLinkTokenPattern).describe("From the link"),
    code: z
      .string()
      .trim()
      .regex(guestCodePattern, "Enter the 8-digit code from your email")
      .describe("The one-time code from the email"),
  })
  .openapi("GuestSignIn");

export const GuestMeeting = z
  .object({
    familyId: z.uuid(),
    meetingId: z.uuid(),
    name: z.string(),
    organisation: z.string(),
    mayWrite: z.boolean(),
    expiresAt: z.string(),
  })
  .openapi("GuestMeeting");
