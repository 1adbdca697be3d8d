import { localAuthorities, type users } from "@teamaround/db";
import { AppError, passwordSignIn } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";

/**
 * Where the authority requires single sign-on, a member of staff's right
 * password opens nothing (`passwordSignIn`); they are pointed to the button.
 * Asked only after the password was right, so the answer tells nobody without
 * it that the account exists.
 */
export async function refuseWhereSingleSignOnRequired(
  c: Context<ApiEnv>,
  user: typeof users.$inferSelect,
): Promise<void> {
  const { db } = c.var.deps;
  const [authority] = await db
    .select({
      requireStaffSso: localAuthorities.requireStaffSso,
      displayName: localAuthorities.oidcDisplayName,
      name: localAuthorities.name,
    })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, user.authorityId));
  if (!authority) return;
  const rule = passwordSignIn(
    { role: user.role, totpEnabled: user.totpKey !== null },
    { requireStaffSso: authority.requireStaffSso },
  );
  if (rule === "allowed") return;
  await recordAudit(db, c, {
    event: "session.sign_in_failed",
    resourceType: "user",
    resourceId: user.id,
    details: { method: "password", reason: rule },
  });
  const button = authority.displayName ?? `Sign in with ${authority.name}`;
  throw new AppError(
    "forbidden",
    `Staff of ${authority.name} sign in with single sign-on. Use the "${button}" button instead of a password.`,
    { singleSignOnRequired: true, authorityId: user.authorityId },
  );
}
