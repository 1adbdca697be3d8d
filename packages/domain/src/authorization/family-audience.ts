import { type FamilyAccess, relationshipOf } from "./actor";

/**
 * Who in the family may see an action, an outcome or a register entry. The
 * team always sees it; this only narrows what family members see.
 * - `whole_family`: every family member with an account (the default).
 * - `parental_responsibility`: adults holding parental responsibility.
 * - `young_person`: one named child or young person only.
 * - `named_members`: the family members listed.
 */
export const familyAudienceKinds = [
  "whole_family",
  "parental_responsibility",
  "young_person",
  "named_members",
] as const;
export type FamilyAudienceKind = (typeof familyAudienceKinds)[number];

export interface FamilyAudience {
  kind: FamilyAudienceKind;
  /** The young person (exactly one) or the named members; empty for the other kinds. */
  memberIds: readonly string[];
}

export const wholeFamily: FamilyAudience = { kind: "whole_family", memberIds: [] };

/** A family member looking at the family's records: who they are and whether they hold PR. */
export interface FamilyViewer {
  memberId: string;
  parentalResponsibility: boolean;
}

/** The one rule: whether a family member may see something with this audience. */
export function familyMemberMaySee(viewer: FamilyViewer, audience: FamilyAudience): boolean {
  switch (audience.kind) {
    case "whole_family":
      return true;
    case "parental_responsibility":
      return viewer.parentalResponsibility;
    case "young_person":
    case "named_members":
      return audience.memberIds.includes(viewer.memberId);
  }
}

/** The caller as a family viewer, or null when they are not a family member (staff, guests). */
export function familyViewerOf(access: FamilyAccess): FamilyViewer | null {
  if (relationshipOf(access) !== "family_member" || access.familyMemberId === null) return null;
  return {
    memberId: access.familyMemberId,
    parentalResponsibility: access.familyMemberParentalResponsibility ?? false,
  };
}

/**
 * Whether the caller may see an item with these audiences (an action carries
 * its own and its outcome's): anyone who is not a family member is unaffected
 * (the family permissions decide for them); a family member must be in every one.
 */
export function maySeeWithin(access: FamilyAccess, ...audiences: FamilyAudience[]): boolean {
  const viewer = familyViewerOf(access);
  if (viewer === null) return true;
  return audiences.every((audience) => familyMemberMaySee(viewer, audience));
}

/** Family members (by id) who may see an item with these audiences. */
export function membersWhoMaySee(
  members: readonly FamilyViewer[],
  ...audiences: FamilyAudience[]
): FamilyViewer[] {
  return members.filter((m) => audiences.every((a) => familyMemberMaySee(m, a)));
}

/** Whether the caller may see each of a family's outcomes and actions, by id. */
export interface PlanItemSight {
  outcome(outcomeId: string): boolean;
  action(actionId: string): boolean;
}

/** The sight of anyone the audiences do not narrow (staff). */
export const everythingSeen: PlanItemSight = { outcome: () => true, action: () => true };

/** Why an audience is malformed, or null: the young person is one id, named members at least one. */
export function audienceShapeProblem(audience: FamilyAudience): string | null {
  const count = audience.memberIds.length;
  if (new Set(audience.memberIds).size !== count) return "Name each family member once.";
  switch (audience.kind) {
    case "whole_family":
    case "parental_responsibility":
      return count === 0 ? null : "Only a young person or named members are chosen by name.";
    case "young_person":
      return count === 1 ? null : "Choose the one young person who can see this.";
    case "named_members":
      return count > 0 ? null : "Choose at least one family member who can see this.";
  }
}

/** Plain words for an audience, shown to practitioners beside each item ("Seen by: …"). */
export function audienceWords(
  audience: FamilyAudience,
  nameOf: (memberId: string) => string | undefined,
): string {
  switch (audience.kind) {
    case "whole_family":
      return "the whole family";
    case "parental_responsibility":
      return "adults with parental responsibility";
    case "young_person":
    case "named_members":
      return audience.memberIds.map((id) => nameOf(id) ?? "a former family member").join(", ");
  }
}
