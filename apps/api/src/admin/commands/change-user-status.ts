import { createInvitation, invalidateUserSessions } from "@teamaround/auth";
import { type Executor, users } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, sql } from "drizzle-orm";
import { getAuthorityUser } from "../present-admin";

interface Target {
  authorityId: string;
  actorId: string;
  userId: string;
  now: Date;
}

/** Ends every session of the user in the same transaction, so access stops at once. */
export async function deactivateUser(tx: Executor, target: Target) {
  if (target.userId === target.actorId) {
    throw new AppError("unprocessable", "You cannot deactivate your own account.", [
      { path: "userId", message: "is your own account" },
    ]);
  }
  const { user } = await getAuthorityUser(tx, target.authorityId, target.userId);
  if (user.status === "deactivated") {
    throw new AppError("conflict", "This account is already deactivated.");
  }
  await tx
    .update(users)
    .set({ status: "deactivated", deactivatedAt: target.now, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, user.id), eq(users.authorityId, target.authorityId)));
  await invalidateUserSessions(tx, user.id);
}

/** Back to active, or to invited if the person never set a password. */
export async function reactivateUser(tx: Executor, target: Omit<Target, "actorId" | "now">) {
  const { user } = await getAuthorityUser(tx, target.authorityId, target.userId);
  if (user.status !== "deactivated") {
    throw new AppError("conflict", "This account is not deactivated.");
  }
  await tx
    .update(users)
    .set({
      status: user.passwordHash ? "active" : "invited",
      deactivatedAt: null,
      version: sql`${users.version} + 1`,
    })
    .where(and(eq(users.id, user.id), eq(users.authorityId, target.authorityId)));
}

/** A new set-password link; earlier unused links stop working. */
export async function reissueInvitation(tx: Executor, target: Target) {
  const { user } = await getAuthorityUser(tx, target.authorityId, target.userId);
  if (user.status === "deactivated") {
    throw new AppError("conflict", "Reactivate this account before sending a new link.");
  }
  return createInvitation(tx, { userId: user.id, createdBy: target.actorId, now: target.now });
}
