import { createHash } from "node:crypto";
import {
  createSession,
  deviceCookieName,
  deviceCookieOptions,
  dummyPasswordVerify,
  invalidateSession,
  isWellFormedToken,
  recogniseDevice,
  sessionIdFromToken,
  verifyPassword,
} from "@teamaround/auth";
import { type Executor, localAuthorities, users } from "@teamaround/db";
import { describeUserAgent, deviceSummary, totpEnrolmentRequired } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import { enqueueNewSignInNotice } from "../../notices/account-notices";

type User = typeof users.$inferSelect;
export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; userId: string | null; reason: "unknown_account" | "inactive" | "wrong_password" };

/**
 * One query and one Argon2 verification whatever the outcome, so neither the
 * answer nor its timing tells an unknown email from a wrong password.
 */
export async function checkCredentials(
  db: Executor,
  email: string,
  password: string,
): Promise<CredentialCheck> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (user?.status !== "active" || !user.passwordHash) {
    await dummyPasswordVerify(password);
    return { ok: false, userId: user?.id ?? null, reason: user ? "inactive" : "unknown_account" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    return { ok: false, userId: user.id, reason: "wrong_password" };
  }
  return { ok: true, user };
}

/** The audit log keeps a hash of the address typed, never the address or the password. */
export function emailDigest(email: string): string {
  return createHash("sha256").update(email).digest("hex");
}

/**
 * Replaces any session the browser already had (session fixation) with a new
 * one, and records it. The second factor is pending if the account has one,
 * unless the session comes from the council's identity provider, which is
 * trusted to have asked for its own.
 */
export async function startSession(
  c: Context<ApiEnv>,
  user: User,
  presentedToken: string | undefined,
  via:
    | { method: "password" }
    | { method: "oidc"; issuer: string; linkedBy: "subject" | "email" } = { method: "password" },
) {
  const { db, config, now } = c.var.deps;
  const [authority] = await db
    .select({ requireStaffTotp: localAuthorities.requireStaffTotp })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, user.authorityId));
  const singleSignOn = via.method === "oidc";
  const totpEnabled = user.totpKey !== null;
  const secondFactorRequired = totpEnabled && !singleSignOn;
  const created = await db.transaction(async (tx) => {
    if (presentedToken && isWellFormedToken(presentedToken)) {
      await invalidateSession(tx, sessionIdFromToken(presentedToken));
    }
    const { meta } = c.var;
    const result = await createSession(
      tx,
      user.id,
      {
        ipAddress: meta.ipAddress,
        userAgent: meta.userAgent,
        twoFactorVerified: !secondFactorRequired,
        singleSignOn,
      },
      config.sessionPolicy,
      now(),
    );
    c.set("user", user);
    c.set("session", result.session);
    const device = await recogniseBrowser(c, tx, user.id);
    await recordAudit(tx, c, {
      event: "session.create",
      resourceType: "user",
      resourceId: user.id,
      details: { ...via, secondFactorRequired, device: device.status },
    });
    return result;
  });
  return {
    ...created,
    secondFactorRequired,
    totpEnrolmentRequired:
      !singleSignOn &&
      totpEnrolmentRequired(
        { role: user.role, totpEnabled },
        { requireStaffTotp: authority?.requireStaffTotp ?? false },
      ),
  };
}

/**
 * Recognises the browser by its device cookie (and sets or renews it). A
 * browser new to an account that has signed in elsewhere before tells the
 * person by email, in this transaction; the account's first browser (its
 * first sign-in, right after the invitation) is recorded without a notice,
 * since there is nothing to compare it with. Told at the password, before any
 * second factor: a password someone else knows is worth hearing of.
 */
async function recogniseBrowser(c: Context<ApiEnv>, tx: Executor, userId: string) {
  const { now } = c.var.deps;
  const described = describeUserAgent(c.var.meta.userAgent);
  const device = await recogniseDevice(tx, {
    userId,
    presentedToken: getCookie(c, deviceCookieName),
    summary: deviceSummary(described),
    now: now(),
  });
  if (device.status === "new") {
    await enqueueNewSignInNotice(tx, {
      userId,
      deviceId: device.deviceId,
      device: described,
      at: now(),
    });
  }
  setCookie(c, deviceCookieName, device.token, deviceCookieOptions());
  return device;
}
