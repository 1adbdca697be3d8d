import type { UserRole } from "../shared/vocabulary";

/** Staff accounts; family members are the other kind. */
export const staffRoles = [
  "practitioner",
  "manager",
  "administrator",
  "partnership_analyst",
] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles an administrator creates accounts for; family members are invited by their lead professional. */
export const adminInvitableRoles = staffRoles;

/** Practitioners and managers work for an agency; administrators and analysts need not. */
export const rolesNeedingAgency: readonly UserRole[] = ["practitioner", "manager"];

export function isStaffRole(role: UserRole): role is StaffRole {
  return (staffRoles as readonly UserRole[]).includes(role);
}

export function roleNeedsAgency(role: UserRole): boolean {
  return rolesNeedingAgency.includes(role);
}

/** Whether the account must set up a second factor before doing anything else. */
export function totpEnrolmentRequired(
  user: { role: UserRole; totpEnabled: boolean },
  authority: { requireStaffTotp: boolean },
): boolean {
  return authority.requireStaffTotp && isStaffRole(user.role) && !user.totpEnabled;
}

/** Whether a password (with TOTP where set up) may open this account, or it must use single sign-on. */
export type PasswordSignIn = "allowed" | "single_sign_on_required";

/**
 * When an authority requires single sign-on, its staff sign in through the
 * council's identity provider. Families and guests never do (they have no
 * council identity). An administrator who has set up TOTP keeps password and
 * TOTP as the way in when the identity provider is broken or misconfigured,
 * so the council cannot be locked out of its own settings.
 */
export function passwordSignIn(
  user: { role: UserRole; totpEnabled: boolean },
  authority: { requireStaffSso: boolean },
): PasswordSignIn {
  if (!authority.requireStaffSso || !isStaffRole(user.role)) return "allowed";
  if (user.role === "administrator" && user.totpEnabled) return "allowed";
  return "single_sign_on_required";
}
