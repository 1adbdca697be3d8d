import { z } from "zod";

/**
 * Events the API publishes after a change commits and every realtime node
 * receives (in process, or through Redis with REDIS_URL). They arrive as
 * input from the network, so receivers parse them with these schemas.
 */

/** Why live connections were closed: text a client can show as it is. */
export const revocationReasons = {
  consentWithdrawn: "Consent to share with your agency was withdrawn.",
  lawfulBasisEnded: "The lawful basis for your agency to work with this family has ended.",
  removedFromTeam: "You were removed from the team around this family.",
  signedOut: "You signed out.",
  sessionEnded: "This session was ended.",
  accountDeactivated: "Your account was deactivated.",
  accessEnded: "You no longer have access to this family.",
  guestRevoked: "Your invitation to this meeting was withdrawn.",
} as const;

const sessionId = z.string().regex(/^[0-9a-f]{64}$/, "a session id is a SHA-256 in hex");
const maxIds = 1000;

/**
 * Access ended for some connections: those of these users (in this family
 * when `familyId` is given, everywhere otherwise), those signed in with these
 * sessions, or — `familyId` alone — everyone connected to the family.
 */
export const AccessRevokedEvent = z
  .object({
    type: z.literal("access.revoked"),
    familyId: z.uuid().optional(),
    userIds: z.array(z.uuid()).max(maxIds).optional(),
    sessionIds: z.array(sessionId).max(maxIds).optional(),
    reason: z.string().trim().min(1).max(200),
  })
  .refine((e) => e.familyId || e.userIds?.length || e.sessionIds?.length, {
    message: "an access.revoked event names a family, users or sessions",
  });
export type AccessRevokedEvent = z.infer<typeof AccessRevokedEvent>;

export const familyChangeResources = [
  "outcome",
  "action",
  "consent",
  "team",
  "member",
  "family",
  "sharing",
  "meeting",
  "agreement",
  "lawful_basis",
  "assessment",
  "review",
  "feedback",
  "follow_up",
] as const;
export type FamilyChangeResource = (typeof familyChangeResources)[number];

export const familyChangeKinds = ["created", "updated", "removed"] as const;
export type FamilyChangeKind = (typeof familyChangeKinds)[number];

/** Something in a family changed through the API; it names the record, never its content. */
export const FamilyChangedEvent = z.object({
  type: z.literal("family.changed"),
  familyId: z.uuid(),
  resource: z.enum(familyChangeResources),
  id: z.uuid(),
  change: z.enum(familyChangeKinds),
  by: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  /**
   * A record whose audience within the family is narrower than the whole
   * family (`family-audience.ts`): the accounts of the family members who may
   * see it. Only they and the staff hear of it; absent, the whole family does.
   */
  familySeenBy: z.array(z.uuid()).max(maxIds).optional(),
});
export type FamilyChangedEvent = z.infer<typeof FamilyChangedEvent>;

/**
 * A person's in-app notices changed (one was written or delivered, or some
 * were marked read): their open pages are told the new unread count.
 */
export const NotificationsChangedEvent = z.object({
  type: z.literal("notifications.changed"),
  userIds: z.array(z.uuid()).min(1).max(maxIds),
});
export type NotificationsChangedEvent = z.infer<typeof NotificationsChangedEvent>;

export const RealtimeEvent = z.union([
  AccessRevokedEvent,
  FamilyChangedEvent,
  NotificationsChangedEvent,
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;
