import { type FamilyAccess, relationshipOf } from "../authorization/actor";
import { can } from "../authorization/family-policy";

/**
 * Who records whether the change lasted: the family's lead professional now,
 * or the lead when the episode closed (who is the one reminded), even if they
 * have since left the team. Nobody else.
 */
export function canRecordFollowUp(
  access: FamilyAccess,
  check: { leadUserId: string | null },
): boolean {
  if (can(access, "follow_up", "record")) return true;
  if (access.actor.role === "family_member" || relationshipOf(access) === "family_member") {
    return false;
  }
  return check.leadUserId !== null && check.leadUserId === access.actor.userId;
}

/** A check is due once its date has come and until it is answered. */
export function isFollowUpDue(check: { dueOn: string; result: string | null }, today: string) {
  return check.result === null && check.dueOn <= today;
}
