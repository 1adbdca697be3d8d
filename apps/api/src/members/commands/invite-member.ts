import { createInvitation } from "@teamaround/auth";
import { type Executor, familyMembers, users } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { FamilyRow } from "../../families/family-access";
import type { MemberRow } from "../member-rules";
import { isUniqueViolation } from "./is-unique-violation";

export interface InviteMemberInput {
  family: FamilyRow;
  member: MemberRow;
  email: string;
  invitedBy: string;
  now: Date;
}

const emailTaken = () =>
  new AppError(
    "conflict",
    "That email address is already used by another account. Use a different address for this family member.",
    [{ path: "email", message: "already used by another account" }],
  );

async function assertEmailFree(tx: Executor, email: string, exceptUserId?: string) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), exceptUserId ? ne(users.id, exceptUserId) : undefined));
  if (other) throw emailTaken();
}

/** Re-inviting is for someone who has not yet set a password; an account in use is left alone. */
async function reuseAccount(tx: Executor, userId: string, email: string): Promise<string> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new AppError("internal", "The family member's account was not found.");
  if (user.status === "active") {
    throw new AppError(
      "conflict",
      "This family member already has a portal account and can sign in with it.",
    );
  }
  if (user.status === "deactivated") {
    throw new AppError(
      "conflict",
      "This family member's portal account is deactivated. Ask an administrator to reactivate it.",
    );
  }
  if (user.email !== email) {
    await assertEmailFree(tx, email, user.id);
    await tx.update(users).set({ email }).where(eq(users.id, user.id));
  }
  return user.id;
}

async function createAccount(tx: Executor, input: InviteMemberInput): Promise<string> {
  const { family, member, email } = input;
  await assertEmailFree(tx, email);
  const [user] = await tx
    .insert(users)
    .values({
      authorityId: family.authorityId,
      email,
      displayName: `${member.givenName} ${member.familyName}`,
      role: "family_member",
      agencyId: null,
      status: "invited",
    })
    .returning({ id: users.id });
  if (!user) throw new AppError("internal", "The account was not saved.");
  const linked = await tx
    .update(familyMembers)
    .set({ userId: user.id, version: sql`${familyMembers.version} + 1`, updatedAt: input.now })
    .where(
      and(
        eq(familyMembers.id, member.id),
        eq(familyMembers.familyId, family.id),
        isNull(familyMembers.userId),
      ),
    )
    .returning({ id: familyMembers.id });
  if (linked.length === 0) {
    throw new AppError("conflict", "Someone else has just invited this family member.");
  }
  return user.id;
}

/**
 * Creates or reuses the member's family-portal account and a fresh
 * set-password link. Run inside the caller's transaction.
 */
export async function inviteMember(tx: Executor, input: InviteMemberInput) {
  try {
    const userId = input.member.userId
      ? await reuseAccount(tx, input.member.userId, input.email)
      : await createAccount(tx, input);
    const { token, expiresAt } = await createInvitation(tx, {
      userId,
      createdBy: input.invitedBy,
      now: input.now,
    });
    return { userId, token, expiresAt };
  } catch (err) {
    // Two invitations racing for one address: the unique index decides.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
