import { notFound } from "../shared/app-error";
import type { ActionStatus, ConsentMethod } from "../shared/vocabulary";
import { AccessRefused } from "./access-refused";
import { type FamilyAccess, insiders, relationshipOf } from "./actor";
import {
  actionOwnerRelationships,
  allowedWhenClosed,
  type FamilyAction,
  type FamilyResource,
  familyPermissions,
  needsAgency,
} from "./family-permissions";
import { agencyStaffOnlyMessage, refusalMessage } from "./refusal-messages";

function listed<R extends FamilyResource>(
  table: { [K in FamilyResource]?: readonly FamilyAction<K>[] },
  resource: R,
  action: FamilyAction<R>,
): boolean {
  return (table[resource] as readonly string[] | undefined)?.includes(action) ?? false;
}

function relationshipAllows<R extends FamilyResource>(
  access: FamilyAccess,
  resource: R,
  action: FamilyAction<R>,
): boolean {
  const allowed = (familyPermissions[resource] as Record<string, readonly string[]>)[action];
  return allowed?.includes(relationshipOf(access)) ?? false;
}

/**
 * Default deny: true only when the table lists the relationship, the actor
 * works for an agency where the action needs one, and the case state allows it.
 */
export function can<R extends FamilyResource>(
  access: FamilyAccess,
  resource: R,
  action: FamilyAction<R>,
): boolean {
  if (!relationshipAllows(access, resource, action)) return false;
  if (listed(needsAgency, resource, action) && access.actor.agencyId === null) return false;
  if (access.familyStatus === "closed") return listed(allowedWhenClosed, resource, action);
  // Reopening (step down) only makes sense for a closed case.
  return !(resource === "family" && action === "step_down");
}

export type Refusal = "not_found" | "forbidden";

/** How `authorize` refuses: not found for those who may not know the family exists. */
export function refusalFor<R extends FamilyResource>(
  access: FamilyAccess,
  resource: R,
  action: FamilyAction<R>,
): Refusal | null {
  if (can(access, resource, action)) return null;
  return insiders.includes(relationshipOf(access)) ? "forbidden" : "not_found";
}

/**
 * Throws unless `can` allows it. Outsiders learn nothing (404); insiders
 * without the right are told so (403). Either way the error names what was
 * refused, for the audit log (see `AccessRefused`).
 */
export function authorize<R extends FamilyResource>(
  access: FamilyAccess,
  resource: R,
  action: FamilyAction<R>,
): void {
  const refusal = refusalFor(access, resource, action);
  if (refusal === null) return;
  const refused = { familyId: access.familyId, resource, action };
  if (refusal === "not_found") {
    throw new AccessRefused("not_found", notFound("That family").message, refused);
  }
  const message =
    relationshipAllows(access, resource, action) && listed(needsAgency, resource, action)
      ? agencyStaffOnlyMessage(resource, action)
      : refusalMessage(resource, action);
  throw new AccessRefused("forbidden", message, refused);
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

/**
 * Whether an action is on the actor's own list ("my actions"): they may read
 * it, their relationship carries out actions, and they own it — by user
 * account for staff, by their family-member record for a family member.
 */
export function isOnMyActionList(
  access: FamilyAccess,
  owners: { userIds: readonly string[]; memberIds: readonly string[] },
): boolean {
  if (!can(access, "action", "read")) return false;
  const relationship = relationshipOf(access);
  if (!actionOwnerRelationships.includes(relationship)) return false;
  if (relationship === "family_member") {
    return access.familyMemberId !== null && owners.memberIds.includes(access.familyMemberId);
  }
  return owners.userIds.includes(access.actor.userId);
}

/**
 * Which changes to an action the caller may make: staff in the team change
 * anything; a family member who owns the action only moves its status
 * between open and done.
 */
export function canChangeActionFields(
  access: FamilyAccess,
  ownerMemberIds: readonly string[],
  change: { fields: readonly string[]; status?: ActionStatus },
): boolean {
  if (!canChangeAction(access, "update", ownerMemberIds)) return false;
  if (relationshipOf(access) !== "family_member") return true;
  const onlyStatus = change.fields.every((field) => field === "status");
  return onlyStatus && change.status !== "dropped";
}

/** A family member withdraws only the consent they gave themselves. */
export function canWithdrawConsent(access: FamilyAccess, givenByMemberId: string): boolean {
  if (!can(access, "consent", "withdraw")) return false;
  if (relationshipOf(access) !== "family_member") return true;
  return access.familyMemberId === givenByMemberId;
}

/**
 * Who may record a consent given by `givenByMemberId`: staff in the team for
 * anyone in the family, by any method; a family member only their own
 * consent, given online through the portal.
 */
export function canRecordConsentAs(
  access: FamilyAccess,
  consent: { givenByMemberId: string; method: ConsentMethod },
): boolean {
  if (!can(access, "consent", "record")) return false;
  if (relationshipOf(access) !== "family_member") return true;
  return access.familyMemberId === consent.givenByMemberId && consent.method === "online";
}
