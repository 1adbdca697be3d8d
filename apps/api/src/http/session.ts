import { sessionCookieName, validateSessionToken } from "@teamaround/auth";
import { localAuthorities } from "@teamaround/db";
import { type Actor, AppError, totpEnrolmentRequired } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../app-env";

/** What a signed-in person who still has to set up two-step verification may reach. */
const allowedBeforeTotpEnrolment = new Set([
  "GET /api/me",
  "GET /api/authority",
  "POST /api/me/totp/enrol",
  "POST /api/me/totp/confirm",
  "POST /api/auth/sign-out",
]);

/**
 * Loads the session named by the cookie. A session still waiting for its
 * second factor sets `session` and `user` but no `actor`, so only the TOTP
 * step can use it. Staff whose authority requires TOTP and who have not set it
 * up reach only the enrolment routes.
 */
export const loadSession = createMiddleware<ApiEnv>(async (c, next) => {
  const token = getCookie(c, sessionCookieName);
  if (!token) return next();
  const { db, config, now } = c.var.deps;
  const result = await validateSessionToken(db, token, config.sessionPolicy, now());
  if (!result) return next();
  const { session, user } = result;
  c.set("session", session);
  c.set("user", user);
  if (user.totpKey !== null && !session.twoFactorVerified) return next();
  c.set("actor", { userId: user.id, role: user.role, agencyId: user.agencyId });
  if (user.totpKey === null && !allowedBeforeTotpEnrolment.has(`${c.req.method} ${c.req.path}`)) {
    const [authority] = await db
      .select({ requireStaffTotp: localAuthorities.requireStaffTotp })
      .from(localAuthorities)
      .where(eq(localAuthorities.id, user.authorityId));
    if (authority && totpEnrolmentRequired({ role: user.role, totpEnabled: false }, authority)) {
      throw new AppError(
        "forbidden",
        "Your authority requires two-step verification. Set it up before continuing.",
        { totpEnrolmentRequired: true },
      );
    }
  }
  return next();
});

export function requireActor(c: Context<ApiEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError("unauthenticated", "Please sign in.");
  return actor;
}
