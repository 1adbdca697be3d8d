import type { FamilyStatus, TeamRole, UserRole } from "../shared/vocabulary";

/** The signed-in person, as every policy sees them. */
export interface Actor {
  userId: string;
  role: UserRole;
  agencyId: string | null;
}

/**
 * A guest's current invitation to one meeting of this family: present only
 * while it is neither revoked nor expired and the meeting has not ended.
 */
export interface GuestGrant {
  meetingId: string;
  /** Whether the lead let them write in the plan. */
  mayWrite: boolean;
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
  /** Whether that family-member record holds parental responsibility (`family-audience.ts`). */
  familyMemberParentalResponsibility?: boolean;
  /**
   * The line manager (`users.manager_id`) of the family's lead professional:
   * they oversee the case as its service manager does, even from another service.
   */
  leadLineManagerId?: string | null;
  /** For a `guest` account: the meeting they may be in now, if any (`guest-policy.ts`). */
  guest?: GuestGrant | null;
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
  "guest",
  "outsider",
] as const;
export type Relationship = (typeof relationships)[number];

export function relationshipOf(access: FamilyAccess): Relationship {
  const { actor } = access;
  if (actor.role === "family_member") {
    return access.familyMemberId ? "family_member" : "outsider";
  }
  // A guest account is never in a team: it stands towards the family only through its meeting.
  if (actor.role === "guest") return access.guest ? "guest" : "outsider";
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
