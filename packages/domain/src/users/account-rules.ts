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
