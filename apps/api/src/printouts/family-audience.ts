import type { FamilyAccess } from "@teamaround/domain";

/** Stands for "the family" where no one member is meant (a member's own parts are then nobody's). */
const theFamily = "the-family";

/**
 * The family as the audience of a printout, whoever downloads it: the same
 * family, read as a family member reads it, so every presentation that asks
 * the policy what this reader may see (`can`, `versionForAudience`) leaves
 * out what only staff see. A family member downloading keeps their own
 * member id; for staff the audience is the family as a whole.
 */
export function familyAudience(access: FamilyAccess): FamilyAccess {
  return {
    ...access,
    actor: { ...access.actor, role: "family_member", agencyId: null },
    teamRole: null,
    familyMemberId: access.familyMemberId ?? theFamily,
    leadLineManagerId: null,
    guest: null,
  };
}
