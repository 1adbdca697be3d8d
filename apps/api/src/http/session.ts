import { sessionCookieName, validateSessionToken } from "@teamaround/auth";
import { type Actor, AppError } from "@teamaround/domain";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../app-env";

/**
 * Loads the session named by the cookie. A session still waiting for its
 * second factor sets `session` and `user` but no `actor`, so only the TOTP
 * step can use it.
 */
export const loadSession = createMiddleware<ApiEnv>(async (c, next) => {
  const token = getCookie(c, sessionCookieName);
  if (token) {
    const { db, config, now } = c.var.deps;
    const result = await validateSessionToken(db, token, config.sessionPolicy, now());
    if (result) {
      c.set("session", result.session);
      c.set("user", result.user);
      const secondFactorPending = result.user.totpKey !== null && !result.session.twoFactorVerified;
      if (!secondFactorPending) {
        c.set("actor", {
          userId: result.user.id,
          role: result.user.role,
          agencyId: result.user.agencyId,
        });
      }
    }
  }
  await next();
});

export function requireActor(c: Context<ApiEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError("unauthenticated", "Please sign in.");
  return actor;
}
