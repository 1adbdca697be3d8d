import { agencies, type Executor, lawfulBasisRecords, sharingRecords, users } from "@teamaround/db";
import { type FamilyAccess, type InformationKind, maySeeWithin } from "@teamaround/domain";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencyNames, named } from "../consent/lookups";
import { audienceOf } from "../shared/family-audience";

const sharerAgency = alias(agencies, "sharer_agency");

async function registerRows(db: Executor, scope: SQL[]) {
  return db
    .select({
      record: sharingRecords,
      sharerName: users.displayName,
      sharerAgencyId: sharerAgency.id,
      sharerAgencyName: sharerAgency.name,
      basisType: lawfulBasisRecords.basis,
    })
    .from(sharingRecords)
    .innerJoin(users, eq(users.id, sharingRecords.sharedBy))
    .leftJoin(sharerAgency, eq(sharerAgency.id, users.agencyId))
    .leftJoin(lawfulBasisRecords, eq(lawfulBasisRecords.id, sharingRecords.lawfulBasisId))
    .where(and(...scope))
    .orderBy(desc(sharingRecords.sharedAt), desc(sharingRecords.createdAt));
}

type RegisterRow = Awaited<ReturnType<typeof registerRows>>[number];

function basisOf(row: RegisterRow) {
  const { consentId, lawfulBasisId } = row.record;
  if (lawfulBasisId && row.basisType) {
    return { kind: "lawful_basis" as const, lawfulBasisId, basis: row.basisType };
  }
  return { kind: "consent" as const, consentId: consentId ?? "" };
}

function presentSharing(row: RegisterRow, names: Map<string, string>) {
  const r = row.record;
  return {
    id: r.id,
    informationKind: r.informationKind as InformationKind,
    summary: r.summary,
    sharedBy: {
      id: r.sharedBy,
      name: row.sharerName,
      agency: row.sharerAgencyId
        ? { id: row.sharerAgencyId, name: row.sharerAgencyName ?? "" }
        : null,
    },
    fromAgency: named(r.fromAgencyId, names),
    toAgency: named(r.toAgencyId, names),
    toPerson: r.toPerson,
    purpose: r.purpose,
    sharedAt: r.sharedAt.toISOString(),
    basis: basisOf(row),
    familyTold: r.familyTold,
    notToldReason: r.notToldReason,
    visibleToFamily: r.visibleToFamily,
    audience: audienceOf(r),
    createdAt: r.createdAt.toISOString(),
  };
}

export type SharingView = ReturnType<typeof presentSharing>;

/**
 * The family's information-sharing register, newest first. Without
 * `includeHidden` (the family's own view) entries not for the family are
 * left out in the query itself; with `seenBy`, so are those whose audience
 * within the family leaves that reader out (`maySeeWithin`).
 */
export async function listSharingViews(
  db: Executor,
  familyId: string,
  options: { includeHidden: boolean; sharingId?: string; seenBy?: FamilyAccess },
): Promise<SharingView[]> {
  const scope: SQL[] = [eq(sharingRecords.familyId, familyId)];
  if (!options.includeHidden) scope.push(eq(sharingRecords.visibleToFamily, true));
  if (options.sharingId) scope.push(eq(sharingRecords.id, options.sharingId));
  const { seenBy } = options;
  const rows = (await registerRows(db, scope)).filter(
    (row) => !seenBy || maySeeWithin(seenBy, audienceOf(row.record)),
  );
  const names = await agencyNames(
    db,
    rows.flatMap((r) => [r.record.fromAgencyId, r.record.toAgencyId]),
  );
  return rows.map((row) => presentSharing(row, names));
}
