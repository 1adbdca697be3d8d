import type { FamilyStatus, TeamRole, UserRole } from "../shared/vocabulary";

/** The signed-in person, as every policy sees them. */
export interface Actor {
  userId: string;
  role: UserRole;
  agencyId: string | null;
}

/** What the server knows of one actor's link to one family. */
export interface FamilyAccess {
  actor: Actor;
  familyId: string;
  familyStatus: FamilyStatus;
  /** The service (agency) that holds the case; its managers have oversight. */
  owningAgencyId: string;
  /** The actor's active team role in this family, if any. */
  teamRole: TeamRole | null;
  /** The family-member record this actor's account is linked to, in this family. */
  familyMemberId: string | null;
  /**
   * The line manager (`users.manager_id`) of the family's lead professional:
   * they oversee the case as its service manager does, even from another service.
   */
  leadLineManagerId?: string | null;
}

/**
 * How an actor stands towards a family. Every family-scoped decision starts
 * here; the order matters (a manager who is also the lead acts as the lead).
 */
export const relationships = [
  "lead_professional",
  "team_member",
  "service_manager",
  "family_member",
  "administrator",
  "outsider",
] as const;
export type Relationship = (typeof relationships)[number];

export function relationshipOf(access: FamilyAccess): Relationship {
  const { actor } = access;
  if (actor.role === "family_member") {
    return access.familyMemberId ? "family_member" : "outsider";
  }
  if (access.teamRole === "lead_professional") return "lead_professional";
  if (access.teamRole === "member") return "team_member";
  if (actor.role === "manager") {
    const ownService = actor.agencyId === access.owningAgencyId;
    const managesTheLead = access.leadLineManagerId === actor.userId;
    if (ownService || managesTheLead) return "service_manager";
  }
  if (actor.role === "administrator") return "administrator";
  return "outsider";
}

/** Relationships that may know the family exists; others get 404, never 403. */
export const insiders: readonly Relationship[] = [
  "lead_professional",
  "team_member",
  "service_manager",
  "family_member",
];
