import { randomInt, timingSafeEqual } from "node:crypto";
import { type Executor, meetingGuests, meetings, sessions, users } from "@teamaround/db";
import { and, eq, sql } from "drizzle-orm";
import type { SessionContext } from "./sessions";
import { defaultSessionPolicy, type SessionPolicy } from "./sign-in-state";
import { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";

export type MeetingGuest = typeof meetingGuests.$inferSelect;

/** Wrong codes an invitation takes before it stops working for good (the lead can invite again). */
export const guestCodeAttemptLimit = 5;

/** Eight digits from a CSPRNG, kept with leading zeros. */
export function generateGuestCode(): string {
  return randomInt(0, 100_000_000).toString().padStart(8, "0");
}

/** The code's hash is bound to its invitation, so equal codes never hash alike. */
export function hashGuestCode(guestId: string, code: string): string {
  return hashToken(`${guestId}:${code}`);
}

export interface CreateGuestInput {
  authorityId: string;
  familyId: string;
  meetingId: string;
  name: string;
  organisation: string;
  email: string;
  roleWords: string;
  mayWrite: boolean;
  expiresAt: Date;
  createdBy: string;
  now: Date;
}

/**
 * Makes the guest's own account (role `guest`, no password, an address under
 * `.invalid` that can never receive mail or sign in) and the invitation, and
 * answers the link token and code — the only time either exists in clear.
 * Call inside the caller's transaction, with the notice that carries them.
 */
export async function createGuestInvitation(
  tx: Executor,
  input: CreateGuestInput,
): Promise<{ guest: MeetingGuest; token: string; code: string }> {
  const guestId = crypto.randomUUID();
  const [user] = await tx
    .insert(users)
    .values({
      authorityId: input.authorityId,
      email: `guest-${guestId}@guests.invalid`,
      displayName: input.name,
      jobTitle: input.roleWords,
      role: "guest",
      status: "active",
      createdAt: input.now,
    })
    .returning({ id: users.id });
  if (!user) throw new Error("guest account not inserted");
  const token = generateRandomToken();
  const code = generateGuestCode();
  const [guest] = await tx
    .insert(meetingGuests)
    .values({
      id: guestId,
      meetingId: input.meetingId,
      familyId: input.familyId,
      userId: user.id,
      name: input.name,
      organisation: input.organisation,
      email: input.email,
      roleWords: input.roleWords,
      mayWrite: input.mayWrite,
      linkTokenHash: hashToken(token),
      codeHash: hashGuestCode(guestId, code),
      expiresAt: input.expiresAt,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!guest) throw new Error("guest invitation not inserted");
  return { guest, token, code };
}

export type RedeemGuestCodeResult =
  | { ok: true; token: string; guest: MeetingGuest }
  | { ok: false; reason: "invalid_or_expired" | "wrong_code"; guest: MeetingGuest | null };

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Exchanges a link token and its one-time code for a session limited to the
 * invitation: it ends when the invitation expires (and the policy ends what
 * it can do when the meeting ends or the invitation is revoked). The row is
 * locked, so two tries at once count twice and one code signs in once. A
 * wrong code is counted and committed; at the limit the invitation is spent.
 */
export async function redeemGuestCode(
  tx: Executor,
  input: { token: string; code: string; context: Omit<SessionContext, "twoFactorVerified"> },
  policy: SessionPolicy = defaultSessionPolicy,
  now: Date = new Date(),
): Promise<RedeemGuestCodeResult> {
  if (!isWellFormedToken(input.token))
    return { ok: false, reason: "invalid_or_expired", guest: null };
  const [row] = await tx
    .select({ guest: meetingGuests, meetingState: meetings.state })
    .from(meetingGuests)
    .innerJoin(meetings, eq(meetings.id, meetingGuests.meetingId))
    .where(eq(meetingGuests.linkTokenHash, hashToken(input.token)))
    .for("update", { of: meetingGuests });
  if (!row) return { ok: false, reason: "invalid_or_expired", guest: null };
  const { guest } = row;
  const usable =
    guest.revokedAt === null &&
    guest.codeUsedAt === null &&
    guest.failedCodeAttempts < guestCodeAttemptLimit &&
    now.getTime() < guest.expiresAt.getTime() &&
    (row.meetingState === "scheduled" || row.meetingState === "live");
  if (!usable) return { ok: false, reason: "invalid_or_expired", guest };
  if (!sameHash(hashGuestCode(guest.id, input.code), guest.codeHash)) {
    await tx
      .update(meetingGuests)
      .set({ failedCodeAttempts: sql`${meetingGuests.failedCodeAttempts} + 1`, updatedAt: now })
      .where(eq(meetingGuests.id, guest.id));
    return { ok: false, reason: "wrong_code", guest };
  }
  const [used] = await tx
    .update(meetingGuests)
    .set({ codeUsedAt: now, updatedAt: now })
    .where(and(eq(meetingGuests.id, guest.id), sql`${meetingGuests.codeUsedAt} is null`))
    .returning();
  if (!used) return { ok: false, reason: "invalid_or_expired", guest };
  const token = generateRandomToken();
  const absoluteEnd = now.getTime() + policy.absoluteTimeoutMs;
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId: guest.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(Math.min(guest.expiresAt.getTime(), absoluteEnd)),
    twoFactorVerified: true,
    ipAddress: input.context.ipAddress,
    userAgent: input.context.userAgent,
  });
  return { ok: true, token, guest: used };
}

/**
 * Revokes an invitation: the guest's account stops signing in and its
 * sessions end, so the realtime re-check closes their connections.
 */
export async function revokeGuestInvitation(
  tx: Executor,
  guest: Pick<MeetingGuest, "id" | "userId">,
  revokedBy: string,
  now: Date,
): Promise<void> {
  await tx
    .update(meetingGuests)
    .set({ revokedAt: now, revokedBy, updatedAt: now })
    .where(eq(meetingGuests.id, guest.id));
  await tx
    .update(users)
    .set({ status: "deactivated", deactivatedAt: now })
    .where(eq(users.id, guest.userId));
  await tx.delete(sessions).where(eq(sessions.userId, guest.userId));
}
