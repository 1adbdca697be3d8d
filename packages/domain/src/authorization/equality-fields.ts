import { type FamilyAccess, relationshipOf } from "./actor";
import { can } from "./family-policy";

/**
 * Whether the caller may see a member's equality fields (ethnicity, religion,
 * disability or special educational needs): staff in the team and the
 * family's service managers see everyone's; a family member sees only their
 * own, never another member's.
 */
export function canSeeEqualityFields(access: FamilyAccess, memberId: string): boolean {
  if (!can(access, "member", "read_equality")) return false;
  if (relationshipOf(access) !== "family_member") return true;
  return access.familyMemberId === memberId;
}

/**
 * Whether the caller may see a member's contact details (address, phone,
 * email, GP practice): the same rule as the equality fields. A parent who
 * left after domestic abuse must never learn where the other parent now
 * lives, so a family member sees only their own.
 */
export function canSeeContactDetails(access: FamilyAccess, memberId: string): boolean {
  return canSeeEqualityFields(access, memberId);
}
