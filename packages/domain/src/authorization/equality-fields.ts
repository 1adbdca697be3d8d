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

/**
 * Whether the caller may see a member's other personal details (date of
 * birth, school, needs, language and communication needs, young carer):
 * staff and the member themself; a parent with parental responsibility for
 * the family's children sees a child's. Any other family member sees another
 * member's name and relationship only.
 */
export function canSeeMemberProfile(
  access: FamilyAccess,
  member: { id: string; kind: "child" | "adult" },
): boolean {
  if (canSeeContactDetails(access, member.id)) return true;
  if (relationshipOf(access) !== "family_member") return false;
  return member.kind === "child" && access.familyMemberParentalResponsibility === true;
}
