import { type Executor, lawfulBasisRecords } from "@teamaround/db";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { agencyNames, named, userNames } from "./lookups";

type LawfulBasisRow = typeof lawfulBasisRecords.$inferSelect;

function presentLawfulBasis(
  row: LawfulBasisRow,
  agencies: Map<string, string>,
  users: Map<string, string>,
) {
  return {
    id: row.id,
    basis: row.basis,
    state: row.endedAt ? ("ended" as const) : ("active" as const),
    agencies: row.agencyIds.map((id) => named(id, agencies)),
    justification: row.justification,
    decidedAt: row.decidedAt.toISOString(),
    decidedBy: named(row.decidedBy, users),
    familyTold: row.familyTold,
    notToldReason: row.notToldReason,
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type LawfulBasisView = ReturnType<typeof presentLawfulBasis>;

/** The family's lawful-basis decisions, newest first, or just one of them. */
export async function listLawfulBasisViews(
  db: Executor,
  familyId: string,
  only?: { lawfulBasisId: string },
): Promise<LawfulBasisView[]> {
  const scope: SQL[] = [eq(lawfulBasisRecords.familyId, familyId)];
  if (only) scope.push(eq(lawfulBasisRecords.id, only.lawfulBasisId));
  const rows = await db
    .select()
    .from(lawfulBasisRecords)
    .where(and(...scope))
    .orderBy(desc(lawfulBasisRecords.decidedAt), desc(lawfulBasisRecords.createdAt));
  const agencies = await agencyNames(
    db,
    rows.flatMap((r) => r.agencyIds),
  );
  const users = await userNames(
    db,
    rows.map((r) => r.decidedBy),
  );
  return rows.map((row) => presentLawfulBasis(row, agencies, users));
}
