import { AppError, notFound } from "../shared/app-error";
import { type FamilyAccess, insiders, relationshipOf } from "./actor";
import {
  allowedWhenClosed,
  type FamilyAction,
  type FamilyResource,
  familyPermissions,
} from "./family-permissions";

/** Default deny: true only when the table lists the relationship and the case state allows it. */
export function can<R extends FamilyResource>(
  access: FamilyAccess,
  resource: R,
  action: FamilyAction<R>,
): boolean {
  const allowed = (familyPermissions[resource] as Record<string, readonly string[]>)[action];
  if (!allowed?.includes(relationshipOf(access))) return false;
  if (access.familyStatus === "closed") {
    const stillAllowed = allowedWhenClosed[resource] as readonly string[] | undefined;
    return stillAllowed?.includes(action) ?? false;
  }
  // Reopening (step down) only makes sense for a closed case.
  return !(resource === "family" && action === "step_down");
}

/**
 * Throws unless `can` allows it. Outsiders learn nothing (404); insiders
 * without the right are told so (403).
 */
export function authorize<R extends FamilyResource>(
  access: FamilyAccess,
  resource: R,
  action: FamilyAction<R>,
): void {
  if (can(access, resource, action)) return;
  if (!insiders.includes(relationshipOf(access))) throw notFound("That family");
  const verb = action.replaceAll("_", " ");
  throw new AppError("forbidden", `You may not ${verb} this ${resource.replaceAll("_", " ")}.`);
}

/** Answers 404 to anyone who may not read the family at all. */
export function authorizeFamilyRead(access: FamilyAccess): void {
  authorize(access, "family", "read");
}

export type FamilyAbilities = {
  [R in FamilyResource]: { [A in FamilyAction<R>]: boolean };
};

/** Everything the caller may do on this family, sent with responses so clients never re-derive policy. */
export function familyAbilities(access: FamilyAccess): FamilyAbilities {
  const result: Record<string, Record<string, boolean>> = {};
  for (const [resource, actions] of Object.entries(familyPermissions)) {
    const row: Record<string, boolean> = {};
    for (const action of Object.keys(actions)) {
      row[action] = can(access, resource as FamilyResource, action as never);
    }
    result[resource] = row;
  }
  return result as FamilyAbilities;
}

/**
 * A family member changes only actions they own; staff in the team change any.
 * `ownerMemberIds` are family-member record ids among the action's owners.
 */
export function canChangeAction(
  access: FamilyAccess,
  change: "update" | "add_progress",
  ownerMemberIds: readonly string[],
): boolean {
  if (!can(access, "action", change)) return false;
  if (relationshipOf(access) !== "family_member") return true;
  return access.familyMemberId !== null && ownerMemberIds.includes(access.familyMemberId);
}

/** A family member withdraws only the consent they gave themselves. */
export function canWithdrawConsent(access: FamilyAccess, givenByMemberId: string): boolean {
  if (!can(access, "consent", "withdraw")) return false;
  if (relationshipOf(access) !== "family_member") return true;
  return access.familyMemberId === givenByMemberId;
}
