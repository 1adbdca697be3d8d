import { type Executor, episodes, families, teamMemberships, users } from "@teamaround/db";
import { AppError, type CaseloadRow } from "@teamaround/domain";
import { and, asc, eq, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { isoDay } from "../shared/dates";

/** Whose workspace: a manager of an agency, in an authority. */
export interface ManagerScope {
  managerId: string;
  agencyId: string;
  authorityId: string;
}

export function managerScope(
  actor: { userId: string; agencyId: string | null },
  user: { authorityId: string } | null,
): ManagerScope {
  // authorizeGlobal has already refused managers without an agency.
  if (!actor.agencyId || !user) throw new AppError("forbidden", "Only managers of a service.");
  return { managerId: actor.userId, agencyId: actor.agencyId, authorityId: user.authorityId };
}

const leadMembership = alias(teamMemberships, "lead_membership");
const leadUser = alias(users, "lead_user");

function activeLeadOf(familyId: SQL | typeof families.id) {
  return and(
    eq(leadMembership.familyId, familyId),
    eq(leadMembership.role, "lead_professional"),
    sql`${leadMembership.removedAt} is null`,
  );
}

/**
 * The families a manager oversees: held by their service, or led by someone
 * they line-manage. A condition on `families`, usable in any query.
 *
 * Written as `families.id in (ids)` rather than `held or exists (led …)`: each
 * half of the union starts from an index (families by owning service, users by
 * line manager), so PostgreSQL computes the ids once per query and joins on
 * them instead of testing every family of the authority row by row.
 */
export function inManagerScope(scope: ManagerScope): SQL {
  return sql`${families.id} in (
    select f.id from ${families} f
      where f.owning_agency_id = ${scope.agencyId} and f.authority_id = ${scope.authorityId}
    union
    select tm.family_id from ${teamMemberships} tm
      join ${users} u on u.id = tm.user_id
      join ${families} f on f.id = tm.family_id
      where u.manager_id = ${scope.managerId} and tm.role = 'lead_professional'
        and tm.removed_at is null and f.authority_id = ${scope.authorityId})`;
}

/** Every open episode in the manager's scope with its lead, in one query. Oldest first. */
export async function listCaseload(db: Executor, scope: ManagerScope) {
  const rows = await db
    .select({
      familyId: families.id,
      familyName: families.displayName,
      familyReference: families.reference,
      episodeId: episodes.id,
      number: episodes.number,
      status: episodes.status,
      levelOfNeed: families.levelOfNeed,
      locality: families.locality,
      openedAt: episodes.openedAt,
      planInPlaceAt: episodes.planInPlaceAt,
      leadUserId: leadUser.id,
      leadName: leadUser.displayName,
    })
    .from(episodes)
    .innerJoin(families, eq(families.id, episodes.familyId))
    .leftJoin(leadMembership, activeLeadOf(families.id))
    .leftJoin(leadUser, eq(leadUser.id, leadMembership.userId))
    .where(and(ne(episodes.status, "closed"), inManagerScope(scope)))
    .orderBy(asc(episodes.openedAt), asc(families.displayName));
  return rows.map((r) => ({
    ...r,
    status: r.status === "assessment" ? ("assessment" as const) : ("plan_in_place" as const),
    openedOn: isoDay(r.openedAt),
  }));
}

export type CaseloadEpisode = Awaited<ReturnType<typeof listCaseload>>[number];

export function toCaseloadRow(r: CaseloadEpisode): CaseloadRow {
  return {
    familyId: r.familyId,
    familyName: r.familyName,
    familyReference: r.familyReference,
    episodeId: r.episodeId,
    status: r.status,
    levelOfNeed: r.levelOfNeed,
    locality: r.locality,
    openedOn: r.openedOn,
    leadUserId: r.leadUserId,
    leadName: r.leadName,
  };
}
