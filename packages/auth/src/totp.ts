import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { type Executor, users } from "@teamaround/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";

export const totpIssuer = "Teamaround";
const periodSeconds = 30;
const digits = 6;
/** Steps either side of now still accepted, for phones whose clocks drift. */
const driftSteps = 1;
const codePattern = /^\d{6}$/;

export type TotpCheck = { ok: true; step: number } | { ok: false };

export function createTotpKey(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

export function totpKeyUri(input: {
  issuer?: string;
  accountName: string;
  key: Uint8Array;
}): string {
  return createTOTPKeyURI(
    input.issuer ?? totpIssuer,
    input.accountName,
    input.key,
    periodSeconds,
    digits,
  );
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / (periodSeconds * 1000));
}

/**
 * The code for one 30-second step. TOTP is HOTP over the step number; oslo's
 * generateTOTP reads the clock itself, so callers could not pass `now`.
 */
export function totpCodeForStep(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), digits);
}

/**
 * Accepts the code of the current step or one step either side, but never a
 * step at or before `lastStep`, so each code (and any older one) works once.
 */
export function verifyTotpCode(
  key: Uint8Array,
  code: string,
  lastStep: number | null,
  now: Date = new Date(),
): TotpCheck {
  if (!codePattern.test(code)) return { ok: false };
  const given = new TextEncoder().encode(code);
  const current = totpStep(now);
  for (let step = current - driftSteps; step <= current + driftSteps; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = new TextEncoder().encode(totpCodeForStep(key, step));
    if (constantTimeEqual(given, expected)) return { ok: true, step };
  }
  return { ok: false };
}

export function encodeTotpKey(key: Uint8Array): string {
  return encodeBase64(key);
}

export function decodeTotpKey(stored: string): Uint8Array {
  return decodeBase64(stored);
}

/** Offers a new key; the account keeps its current one until a code from the new one is confirmed. */
export async function beginTotpEnrolment(
  db: Executor,
  userId: string,
): Promise<{ key: Uint8Array; uri: string }> {
  const key = createTotpKey();
  const [user] = await db
    .update(users)
    .set({ totpPendingKey: encodeTotpKey(key) })
    .where(eq(users.id, userId))
    .returning({ email: users.email });
  if (!user) throw new Error("user not found");
  return { key, uri: totpKeyUri({ accountName: user.email, key }) };
}

export async function confirmTotpEnrolment(
  db: Executor,
  userId: string,
  code: string,
  now: Date = new Date(),
): Promise<{ ok: boolean }> {
  const [user] = await db
    .select({ pending: users.totpPendingKey })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.pending) return { ok: false };
  // A fresh key has no used steps, whatever the old key's last step was.
  const check = verifyTotpCode(decodeTotpKey(user.pending), code, null, now);
  if (!check.ok) return { ok: false };
  // Only if the pending key is still the one the code was checked against.
  const updated = await db
    .update(users)
    .set({ totpKey: user.pending, totpPendingKey: null, totpLastStep: check.step })
    .where(and(eq(users.id, userId), eq(users.totpPendingKey, user.pending)))
    .returning({ id: users.id });
  return { ok: updated.length > 0 };
}

export async function verifyUserTotp(
  db: Executor,
  userId: string,
  code: string,
  now: Date = new Date(),
): Promise<{ ok: boolean }> {
  const [user] = await db
    .select({ key: users.totpKey, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.key) return { ok: false };
  const check = verifyTotpCode(decodeTotpKey(user.key), code, user.lastStep, now);
  if (!check.ok) return { ok: false };
  return { ok: await claimTotpStep(db, userId, user.key, check.step) };
}

/**
 * Records `step` as used unless it, or a later one, already is. The condition
 * makes the claim atomic: of two requests with one code, only one updates a row.
 */
export async function claimTotpStep(
  db: Executor,
  userId: string,
  storedKey: string,
  step: number,
): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        eq(users.totpKey, storedKey),
        or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
      ),
    )
    .returning({ id: users.id });
  return claimed.length > 0;
}
