import type { Actor, FamilyAccess, TeamRole } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { builtOnce } from "../built-once";
import type { Executor } from "../client";
import { families, familyMembers, teamMemberships, users } from "../schema";
import { inUuids } from "./array-params";
import { currentGuestGrants } from "./guest-grants";

export type FamilyRow = typeof families.$inferSelect;

/** The line manager of each family's current lead professional, by family id. */
export async function leadLineManagers(
  db: Executor,
  familyIds: readonly string[],
): Promise<Map<string, string>> {
  if (familyIds.length === 0) return new Map();
  const rows = await db
    .select({ familyId: teamMemberships.familyId, managerId: users.managerId })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(
      and(
        inUuids(teamMemberships.familyId, [...familyIds]),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  const managers = new Map<string, string>();
  for (const row of rows) if (row.managerId) managers.set(row.familyId, row.managerId);
  return managers;
}

// Read on every Yjs handshake, meeting event and API request for a family:
// built once, and one round trip (the person's team role as a subquery).
const familyWithTeamRole = builtOnce((db) => {
  const teamRole = db
    .select({ role: teamMemberships.role })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, families.id),
        eq(teamMemberships.userId, sql.placeholder("userId")),
        isNull(teamMemberships.removedAt),
      ),
    )
    .limit(1);
  return db
    .select({
      family: families,
      teamRole: sql<TeamRole | null>`(${teamRole})`,
    })
    .from(families)
    .where(eq(families.id, sql.placeholder("familyId")))
    .prepare("family_with_team_role");
});

/**
 * A family and how the actor stands towards it, or null when the family does
 * not exist. Callers answer a missing family exactly like one the actor may
 * not see; the policy in `@teamaround/domain` decides the rest.
 */
export async function getFamilyAccess(
  db: Executor,
  actor: Actor,
  familyId: string,
): Promise<{ family: FamilyRow; access: FamilyAccess } | null> {
  const [found] = await familyWithTeamRole(db).execute({ familyId, userId: actor.userId });
  if (!found) return null;
  const { family } = found;
  const [member] =
    actor.role === "family_member"
      ? await db
          .select({ id: familyMembers.id, pr: familyMembers.parentalResponsibility })
          .from(familyMembers)
          .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.userId, actor.userId)))
      : [];
  const guest =
    actor.role === "guest"
      ? ((await currentGuestGrants(db, [actor.userId], [familyId])).get(
          accessKey(actor.userId, familyId),
        ) ?? null)
      : null;
  return {
    family,
    access: {
      guest,
      actor,
      familyId,
      familyStatus: family.status,
      owningAgencyId: family.owningAgencyId,
      teamRole: found.teamRole,
      familyMemberId: member?.id ?? null,
      familyMemberParentalResponsibility: member?.pr ?? false,
      leadLineManagerId:
        actor.role === "manager"
          ? ((await leadLineManagers(db, [familyId])).get(familyId) ?? null)
          : null,
    },
  };
}

export const accessKey = (userId: string, familyId: string) => `${userId}:${familyId}`;

/**
 * One query for how each (person, family) pair stands now — the same facts
 * `getFamilyAccess` reads, for every pair at once. A pair whose family no
 * longer exists is absent.
 */
export async function getFamilyAccesses(
  db: Executor,
  actors: ReadonlyMap<string, Actor>,
  pairs: readonly { userId: string; familyId: string }[],
): Promise<Map<string, FamilyAccess>> {
  const accesses = new Map<string, FamilyAccess>();
  const familyIds = [...new Set(pairs.map((p) => p.familyId))];
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  if (familyIds.length === 0) return accesses;
  const rows = await db
    .select({
      familyId: families.id,
      familyStatus: families.status,
      owningAgencyId: families.owningAgencyId,
      teamUserId: teamMemberships.userId,
      teamRole: teamMemberships.role,
      memberUserId: familyMembers.userId,
      familyMemberId: familyMembers.id,
      memberPr: familyMembers.parentalResponsibility,
    })
    .from(families)
    .leftJoin(
      teamMemberships,
      and(
        eq(teamMemberships.familyId, families.id),
        inUuids(teamMemberships.userId, userIds),
        isNull(teamMemberships.removedAt),
      ),
    )
    .leftJoin(
      familyMembers,
      and(eq(familyMembers.familyId, families.id), inUuids(familyMembers.userId, userIds)),
    )
    .where(inUuids(families.id, familyIds));
  const managers = [...actors.values()].some((a) => a.role === "manager")
    ? await leadLineManagers(db, familyIds)
    : new Map<string, string>();
  const guestIds = [...actors.values()].filter((a) => a.role === "guest").map((a) => a.userId);
  const guests = await currentGuestGrants(db, guestIds, familyIds);
  const byFamily = new Map<string, typeof rows>();
  for (const row of rows) byFamily.set(row.familyId, [...(byFamily.get(row.familyId) ?? []), row]);
  for (const pair of pairs) {
    const actor = actors.get(pair.userId);
    const ofFamily = byFamily.get(pair.familyId) ?? [];
    const family = ofFamily[0];
    if (!actor || !family) continue;
    const team = ofFamily.find((r) => r.teamUserId === pair.userId);
    const member = ofFamily.find((r) => r.memberUserId === pair.userId);
    accesses.set(accessKey(pair.userId, pair.familyId), {
      actor,
      familyId: pair.familyId,
      familyStatus: family.familyStatus,
      owningAgencyId: family.owningAgencyId,
      teamRole: team?.teamRole ?? null,
      familyMemberId: actor.role === "family_member" ? (member?.familyMemberId ?? null) : null,
      familyMemberParentalResponsibility:
        actor.role === "family_member" && member?.memberPr === true,
      leadLineManagerId: managers.get(pair.familyId) ?? null,
      guest: guests.get(accessKey(pair.userId, pair.familyId)) ?? null,
    });
  }
  return accesses;
}
