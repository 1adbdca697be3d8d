import { actorOf, sessionCookieName, validateSessionToken } from "@teamaround/auth";
import { type Actor, AppError } from "@teamaround/domain";
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
  "GET /api/auth/sso-options",
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
]);

/**
 * Loads the session named by the cookie and its state under the one sign-in
 * rule (`sessionSignsIn`). A session still waiting for its second factor sets
 * `session` and `user` but no `actor`, so only the TOTP step can use it. Staff
 * whose authority requires TOTP and who have not set it up reach only the
 * enrolment routes.
 */
export const loadSession = createMiddleware<ApiEnv>(async (c, next) => {
  const token = getCookie(c, sessionCookieName);
  if (!token) return next();
  const { db, config, now } = c.var.deps;
  const result = await validateSessionToken(db, token, config.sessionPolicy, now());
  if (!result) return next();
  const { session, user, state } = result;
  c.set("session", session);
  c.set("user", user);
  c.set("signInState", state);
  c.set("agencyName", result.agencyName);
  if (state === "second_factor_pending") return next();
  c.set("actor", actorOf(user));
  if (
    state === "totp_enrolment_required" &&
    !allowedBeforeTotpEnrolment.has(`${c.req.method} ${c.req.path}`)
  ) {
    throw new AppError(
      "forbidden",
      "Your authority requires two-step verification. Set it up before continuing.",
      { totpEnrolmentRequired: true },
    );
  }
  return next();
});

export function requireActor(c: Context<ApiEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError("unauthenticated", "Please sign in.");
  return actor;
}
