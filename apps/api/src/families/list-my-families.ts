import { actions, type Executor, families, familyMembers, teamMemberships } from "@teamaround/db";
import { type Actor, relationshipOf } from "@teamaround/domain";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";

/** The families on the actor's caseload: their teams, their service (managers), or their own (family). */
export async function listMyFamilies(db: Executor, actor: Actor, today: string) {
  const myTeams = db
    .select({ familyId: teamMemberships.familyId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.userId, actor.userId), isNull(teamMemberships.removedAt)));
  const myOwn = db
    .select({ familyId: familyMembers.familyId })
    .from(familyMembers)
    .where(eq(familyMembers.userId, actor.userId));
  const visible =
    actor.role === "family_member"
      ? inArray(families.id, myOwn)
      : actor.role === "manager" && actor.agencyId
        ? or(inArray(families.id, myTeams), eq(families.owningAgencyId, actor.agencyId))
        : inArray(families.id, myTeams);

  const rows = await db
    .select({
      family: families,
      teamRole: teamMemberships.role,
      familyMemberId: familyMembers.id,
      openActions: sql<number>`(select count(*)::int from ${actions} a where a.family_id = ${families.id} and a.status = 'open')`,
      overdueActions: sql<number>`(select count(*)::int from ${actions} a where a.family_id = ${families.id} and a.status = 'open' and a.due_date < ${today})`,
    })
    .from(families)
    .leftJoin(
      teamMemberships,
      and(
        eq(teamMemberships.familyId, families.id),
        eq(teamMemberships.userId, actor.userId),
        isNull(teamMemberships.removedAt),
      ),
    )
    .leftJoin(
      familyMembers,
      and(eq(familyMembers.familyId, families.id), eq(familyMembers.userId, actor.userId)),
    )
    .where(visible)
    .orderBy(families.displayName);

  return rows.map((row) => ({
    id: row.family.id,
    reference: row.family.reference,
    displayName: row.family.displayName,
    levelOfNeed: row.family.levelOfNeed,
    status: row.family.status,
    relationship: relationshipOf({
      actor,
      familyId: row.family.id,
      familyStatus: row.family.status,
      owningAgencyId: row.family.owningAgencyId,
      teamRole: row.teamRole,
      familyMemberId: row.familyMemberId,
    }),
    openActions: Number(row.openActions),
    overdueActions: Number(row.overdueActions),
  }));
}
