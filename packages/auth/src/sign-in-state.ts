import type { sessions, users } from "@teamaround/db";
import { type Actor, totpEnrolmentRequired } from "@teamaround/domain";

export interface SessionPolicy {
  /** A session unused for longer than this is over. */
  idleTimeoutMs: number;
  /** A session is over this long after it began, however busy. */
  absoluteTimeoutMs: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleTimeoutMs: 30 * 60 * 1000,
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
};

/**
 * Where a stored session stands. Only `signed_in` lets anyone act;
 * `second_factor_pending` may use only the TOTP step and
 * `totp_enrolment_required` only the enrolment routes.
 */
export type SignInState =
  | "signed_in"
  | "second_factor_pending"
  | "totp_enrolment_required"
  | "expired"
  | "inactive";

/** The facts the rule reads: the session row, its user, and the user's authority setting. */
export interface SignInFacts {
  session: Pick<
    typeof sessions.$inferSelect,
    "expiresAt" | "lastSeenAt" | "twoFactorVerified" | "singleSignOn"
  >;
  user: Pick<typeof users.$inferSelect, "status" | "role" | "totpKey">;
  authority: { requireStaffTotp: boolean };
}

/** Idle too long or past its absolute end. */
export function isExpired(
  session: Pick<SignInFacts["session"], "expiresAt" | "lastSeenAt">,
  policy: SessionPolicy,
  now: Date,
): boolean {
  return (
    now.getTime() >= session.expiresAt.getTime() ||
    now.getTime() - session.lastSeenAt.getTime() > policy.idleTimeoutMs
  );
}

/**
 * The one rule for "is this session fully signed in", used by the API, both
 * realtime handshakes and the realtime re-check. Checked in this order: an
 * expired session is expired whoever owns it; a user who is not active signs
 * nobody in; a session begun through the council's identity provider is
 * signed in (the provider is trusted to have asked for a second factor); an
 * account with a second factor needs it passed on this session; staff whose
 * authority requires a second factor must first set one up.
 */
export function sessionSignsIn(
  { session, user, authority }: SignInFacts,
  policy: SessionPolicy,
  now: Date,
): SignInState {
  if (isExpired(session, policy, now)) return "expired";
  if (user.status !== "active") return "inactive";
  if (session.singleSignOn) return "signed_in";
  const totpEnabled = user.totpKey !== null;
  if (totpEnabled && !session.twoFactorVerified) return "second_factor_pending";
  if (totpEnrolmentRequired({ role: user.role, totpEnabled }, authority)) {
    return "totp_enrolment_required";
  }
  return "signed_in";
}

/** The actor a signed-in user acts as. */
export function actorOf(user: Pick<typeof users.$inferSelect, "id" | "role" | "agencyId">): Actor {
  return { userId: user.id, role: user.role, agencyId: user.agencyId };
}
