import { type Executor, userDevices } from "@teamaround/db";
import { and, count, eq } from "drizzle-orm";
import { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";

/**
 * How a sign-in's browser stands towards the account:
 * - `known`: it presented a device cookie this account has signed in with before;
 * - `first`: the account had no recognised browser yet (its first sign-in, just
 *   after setting a password from an invitation) — recorded, nobody told;
 * - `new`: the account has signed in elsewhere before, but never from here —
 *   the person is told ("A new sign-in to your Teamaround account").
 */
export type DeviceRecognition = "known" | "first" | "new";

export interface RecognisedDevice {
  status: DeviceRecognition;
  /** The token for the device cookie: the one presented when it was well formed, else a new one. */
  token: string;
  /** The device's row, for the notice's idempotency key. */
  deviceId: string;
}

/**
 * Recognises the browser of a successful sign-in by its device cookie, in the
 * caller's transaction. Only the token's SHA-256 is stored, as with sessions.
 * A token this account has not seen — a new browser, a cleared cookie, or
 * another account's cookie on a shared computer — is recorded as a device of
 * this account. `summary` is the closed-vocabulary description of the
 * browser ("Firefox on Windows"), never the User-Agent.
 */
export async function recogniseDevice(
  tx: Executor,
  input: { userId: string; presentedToken: string | undefined; summary: string; now: Date },
): Promise<RecognisedDevice> {
  const presented =
    input.presentedToken && isWellFormedToken(input.presentedToken) ? input.presentedToken : null;
  const token = presented ?? generateRandomToken();
  const tokenHash = hashToken(token);
  const mine = and(eq(userDevices.userId, input.userId), eq(userDevices.tokenHash, tokenHash));
  const [known] = await tx
    .update(userDevices)
    .set({ lastSeenAt: input.now, userAgentSummary: input.summary })
    .where(mine)
    .returning({ id: userDevices.id });
  if (known) return { status: "known", token, deviceId: known.id };
  const [before] = await tx
    .select({ n: count() })
    .from(userDevices)
    .where(eq(userDevices.userId, input.userId));
  const [inserted] = await tx
    .insert(userDevices)
    .values({
      userId: input.userId,
      tokenHash,
      firstSeenAt: input.now,
      lastSeenAt: input.now,
      userAgentSummary: input.summary,
    })
    .onConflictDoNothing()
    .returning({ id: userDevices.id });
  // Two sign-ins racing from the same new browser: the other recorded it.
  if (!inserted) {
    const [row] = await tx.select({ id: userDevices.id }).from(userDevices).where(mine);
    return { status: "known", token, deviceId: row?.id ?? "" };
  }
  return { status: (before?.n ?? 0) === 0 ? "first" : "new", token, deviceId: inserted.id };
}
