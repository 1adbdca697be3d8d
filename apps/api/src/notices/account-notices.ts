import { type Executor, enqueueNotice, getNoticePreferences, users } from "@teamaround/db";
import { AppError, type DeviceDescription, wantsEmail } from "@teamaround/domain";
import { eq } from "drizzle-orm";

async function accountOf(tx: Executor, userId: string) {
  const [user] = await tx
    .select({ id: users.id, authorityId: users.authorityId, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("internal", "The account was not found.");
  return user;
}

/**
 * The set-password link as a notice to the account's address: staff get the
 * service's words, family members plain ones. Call inside the transaction
 * that made the invitation, so a refused invitation sends nothing.
 */
export async function enqueueInvitationNotice(
  tx: Executor,
  input: {
    userId: string;
    invitation: { token: string; expiresAt: Date };
    invitedBy: string;
    familyId?: string | null;
    /** The API's clock: the notice is due from then. */
    now: Date;
  },
) {
  const { invitation } = input;
  const user = await accountOf(tx, input.userId);
  await enqueueNotice(tx, {
    authorityId: user.authorityId,
    recipient: { userId: user.id },
    familyId: input.familyId ?? null,
    createdBy: input.invitedBy,
    content: {
      kind: user.role === "family_member" ? "family_invitation" : "staff_invitation",
      variables: { token: invitation.token, expiresAt: invitation.expiresAt.toISOString() },
    },
    dueAt: input.now,
  });
}

/** "Your password was changed", to the account's own address, in the change's transaction. */
export async function enqueuePasswordChangedNotice(tx: Executor, userId: string, changedAt: Date) {
  const user = await accountOf(tx, userId);
  await enqueueNotice(tx, {
    authorityId: user.authorityId,
    recipient: { userId: user.id },
    createdBy: user.id,
    content: {
      kind: "password_changed",
      variables: {
        audience: user.role === "family_member" ? "family" : "staff",
        changedAt: changedAt.toISOString(),
      },
    },
    dueAt: changedAt,
  });
}

/**
 * "A new sign-in to your Teamaround account", to the account's own address,
 * in the sign-in's transaction: when, and the browser and system in plain
 * words (no IP address). Email only — the person who signed in is the one
 * looking at the app — and not at all when they turned it off (optional per
 * person, on by default). One per device (`new_sign_in:<device id>`).
 */
export async function enqueueNewSignInNotice(
  tx: Executor,
  input: { userId: string; deviceId: string; device: DeviceDescription; at: Date },
) {
  const user = await accountOf(tx, input.userId);
  const preferences = await getNoticePreferences(tx, user.id);
  if (!wantsEmail(preferences, "new_sign_in")) return null;
  return enqueueNotice(tx, {
    authorityId: user.authorityId,
    recipient: { userId: user.id },
    createdBy: user.id,
    content: {
      kind: "new_sign_in",
      variables: {
        audience: user.role === "family_member" ? "family" : "staff",
        signedInAt: input.at.toISOString(),
        ...input.device,
      },
    },
    idempotencyKey: `new_sign_in:${input.deviceId}`,
    dueAt: input.at,
  });
}
