import { type Executor, invitations, users } from "@teamaround/db";
import { and, eq, isNull } from "drizzle-orm";
import { checkPasswordStrength, hashPassword, type PasswordWeakness } from "./passwords";
import { invalidateUserSessions } from "./sessions";
import { generateRandomToken, hashToken, isWellFormedToken } from "./tokens";

export const defaultInvitationTtlMs = 7 * 24 * 60 * 60 * 1000;

export interface CreateInvitationInput {
  userId: string;
  /** The administrator who sent it; null when the system did. */
  createdBy: string | null;
  ttlMs?: number;
  now?: Date;
}

export type RedeemInvitationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid_or_expired" }
  | { ok: false; reason: "weak_password"; weakness: PasswordWeakness; message: string };

/**
 * A new single-use set-password link. Earlier unused links for the user stop
 * working, so only the latest one sent can be redeemed.
 */
export async function createInvitation(
  db: Executor,
  input: CreateInvitationInput,
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = generateRandomToken();
  const expiresAt = new Date(now.getTime() + (input.ttlMs ?? defaultInvitationTtlMs));
  await db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.userId, input.userId), isNull(invitations.usedAt)));
    await tx.insert(invitations).values({
      id: hashToken(token),
      userId: input.userId,
      createdBy: input.createdBy,
      createdAt: now,
      expiresAt,
    });
  });
  return { token, expiresAt };
}

const invalid = { ok: false, reason: "invalid_or_expired" } as const;

/**
 * Sets the user's password from a link, once. Every refusal about the link
 * itself is the same answer, so a caller learns nothing about why.
 */
export async function redeemInvitation(
  db: Executor,
  token: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<RedeemInvitationResult> {
  if (!isWellFormedToken(token)) return invalid;
  const invitationId = hashToken(token);
  return db.transaction(async (tx) => {
    // Row locks make a concurrent redemption or deactivation wait for this one.
    const [row] = await tx
      .select({ invitation: invitations, user: users })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(eq(invitations.id, invitationId))
      .for("update");
    if (!row) return invalid;
    const { invitation, user } = row;
    const expired = invitation.expiresAt.getTime() <= now.getTime();
    if (invitation.usedAt !== null || expired || user.status === "deactivated") return invalid;

    const strength = await checkPasswordStrength(newPassword, { email: user.email });
    if (!strength.ok) {
      const { reason: weakness, message } = strength;
      return { ok: false, reason: "weak_password", weakness, message };
    }

    const claimed = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) return invalid;

    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(newPassword),
        status: user.status === "invited" ? "active" : user.status,
      })
      .where(eq(users.id, user.id));
    await invalidateUserSessions(tx, user.id);
    return { ok: true, userId: user.id };
  });
}
