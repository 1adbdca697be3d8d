import { agencies, type Executor, teamMemberships, users } from "@teamaround/db";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";

function selectTeam(db: Executor, where: SQL | undefined) {
  return db
    .select({
      membership: teamMemberships,
      displayName: users.displayName,
      jobTitle: users.jobTitle,
      agencyId: agencies.id,
      agencyName: agencies.name,
      agencyType: agencies.type,
    })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(teamMemberships.removedAt), asc(teamMemberships.role), asc(users.displayName));
}

type TeamRow = Awaited<ReturnType<typeof selectTeam>>[number];

/** The family's team, active members only unless former ones are asked for. */
export function listTeam(db: Executor, familyId: string, includeFormer: boolean) {
  return selectTeam(
    db,
    and(
      eq(teamMemberships.familyId, familyId),
      includeFormer ? undefined : isNull(teamMemberships.removedAt),
    ),
  );
}

/** One membership of this family (active or not); undefined if it is another family's. */
export async function getMembership(db: Executor, familyId: string, membershipId: string) {
  const [row] = await selectTeam(
    db,
    and(eq(teamMemberships.familyId, familyId), eq(teamMemberships.id, membershipId)),
  );
  return row;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `showLawfulBasis` is false for those who may not read lawful-basis records (the family). */
export function presentMembership(row: TeamRow, showLawfulBasis: boolean) {
  const m = row.membership;
  return {
    id: m.id,
    userId: m.userId,
    displayName: row.displayName,
    jobTitle: row.jobTitle,
    agency:
      row.agencyId && row.agencyName && row.agencyType
        ? { id: row.agencyId, name: row.agencyName, type: row.agencyType }
        : null,
    role: m.role,
    consentId: m.consentId,
    lawfulBasisId: showLawfulBasis ? m.lawfulBasisId : null,
    addedAt: m.addedAt.toISOString(),
    removedAt: iso(m.removedAt),
    removedReason: m.removedReason,
  };
}
