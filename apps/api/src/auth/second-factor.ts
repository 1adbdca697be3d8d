import { verifyUserTotp } from "@teamaround/auth";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";
import { clientIp, tooManyAttempts } from "./session-cookie";

/**
 * Code failures are counted per account under their own key, so a correct
 * password (which clears the password count) never clears them.
 */
function throttleKey(userId: string): string {
  return `totp:${userId}`;
}

/** Checks a code once-only, throttled like sign-in; throws 429 when over the limit. */
export async function verifySecondFactor(
  c: Context<ApiEnv>,
  userId: string,
  code: string,
): Promise<boolean> {
  const { db, throttle, now } = c.var.deps;
  const key = throttleKey(userId);
  const ip = clientIp(c);
  const decision = await throttle.check(key, ip);
  if (!decision.allowed) throw tooManyAttempts(c, decision.retryAfterSec);
  const { ok } = await verifyUserTotp(db, userId, code, now());
  if (ok) await throttle.recordSuccess(key, ip);
  else await throttle.recordFailure(key, ip);
  return ok;
}
