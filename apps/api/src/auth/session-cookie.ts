import { sessionCookieName, sessionCookieOptions } from "@teamaround/auth";
import { AppError } from "@teamaround/domain";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import type { ApiEnv } from "../app-env";

export function setSessionCookie(c: Context<ApiEnv>, token: string, expiresAt: Date): void {
  setCookie(c, sessionCookieName, token, sessionCookieOptions(expiresAt));
}

/** Same attributes as when set, or browsers keep the cookie. */
export function clearSessionCookie(c: Context<ApiEnv>): void {
  setCookie(c, sessionCookieName, "", { ...sessionCookieOptions(new Date(0)), maxAge: 0 });
}

/** Requests made in-process have no socket; they share one throttle bucket. */
export function clientIp(c: Context<ApiEnv>): string {
  return c.var.meta.ipAddress ?? "unknown";
}

/** 429 with Retry-After in seconds, in the JSON error shape. */
export function tooManyAttempts(c: Context<ApiEnv>, retryAfterSec: number): AppError {
  c.header("Retry-After", String(retryAfterSec));
  return new AppError(
    "too_many_requests",
    `Too many attempts. Try again in ${Math.ceil(retryAfterSec / 60)} minute(s).`,
    { retryAfterSeconds: retryAfterSec },
  );
}
