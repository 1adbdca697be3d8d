import { type Executor, oidcIdentities, users } from "@teamaround/db";
import { isStaffRole } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

type User = typeof users.$inferSelect;

/** What the provider's id token says about the person. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** Only `true` in the id token counts. */
  emailVerified: boolean;
}

export type IdentityRefusal = "email_unverified" | "no_account" | "linked_to_another";
export type IdentityMatch =
  | { ok: true; user: User; linkedBy: "subject" | "email" }
  | { ok: false; reason: IdentityRefusal; userId: string | null };

const canSignIn = (user: User, authorityId: string) =>
  user.status === "active" && user.authorityId === authorityId && isStaffRole(user.role);

/**
 * The existing staff account this person signs in as: the one linked to the
 * provider's subject, or, on their first sign-on, the one active member of
 * staff of this authority with the provider's verified email — then linked.
 * Never makes an account. An account already linked to another subject of the
 * same provider is not taken over by a second person claiming its email.
 */
export async function matchIdentity(
  tx: Executor,
  authorityId: string,
  identity: ProviderIdentity,
  now: Date,
): Promise<IdentityMatch> {
  const [linked] = await tx
    .select({ link: oidcIdentities, user: users })
    .from(oidcIdentities)
    .innerJoin(users, eq(users.id, oidcIdentities.userId))
    .where(
      and(eq(oidcIdentities.issuer, identity.issuer), eq(oidcIdentities.subject, identity.subject)),
    );
  if (linked) {
    if (!canSignIn(linked.user, authorityId)) {
      return { ok: false, reason: "no_account", userId: linked.user.id };
    }
    await tx
      .update(oidcIdentities)
      .set({ lastSignInAt: now })
      .where(eq(oidcIdentities.id, linked.link.id));
    return { ok: true, user: linked.user, linkedBy: "subject" };
  }
  if (!identity.email) return { ok: false, reason: "no_account", userId: null };
  if (!identity.emailVerified) return { ok: false, reason: "email_unverified", userId: null };
  const matches = await tx
    .select()
    .from(users)
    .where(and(eq(users.email, identity.email.toLowerCase()), eq(users.authorityId, authorityId)))
    .limit(2);
  const candidates = matches.filter((user) => canSignIn(user, authorityId));
  const [user] = candidates;
  if (!user || candidates.length !== 1) return { ok: false, reason: "no_account", userId: null };
  const [other] = await tx
    .select({ subject: oidcIdentities.subject })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.userId, user.id), eq(oidcIdentities.issuer, identity.issuer)));
  if (other) return { ok: false, reason: "linked_to_another", userId: user.id };
  await tx
    .insert(oidcIdentities)
    .values({
      userId: user.id,
      issuer: identity.issuer,
      subject: identity.subject,
      createdAt: now,
      lastSignInAt: now,
    })
    .onConflictDoNothing();
  return { ok: true, user, linkedBy: "email" };
}
