import { agreements, type Executor, familyMembers, users } from "@teamaround/db";
import { and, desc, eq, type SQL } from "drizzle-orm";

function selectAgreements(db: Executor, where: SQL | undefined) {
  return db
    .select({
      agreement: agreements,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
      recorderName: users.displayName,
    })
    .from(agreements)
    .innerJoin(
      familyMembers,
      and(
        eq(familyMembers.id, agreements.memberId),
        eq(familyMembers.familyId, agreements.familyId),
      ),
    )
    .innerJoin(users, eq(users.id, agreements.recordedBy))
    .where(where)
    .orderBy(desc(agreements.agreedAt), desc(agreements.createdAt));
}

type AgreementRow = Awaited<ReturnType<typeof selectAgreements>>[number];

export function listAgreements(db: Executor, familyId: string) {
  return selectAgreements(db, eq(agreements.familyId, familyId));
}

export async function getAgreement(db: Executor, familyId: string, agreementId: string) {
  const [row] = await selectAgreements(
    db,
    and(eq(agreements.familyId, familyId), eq(agreements.id, agreementId)),
  );
  return row;
}

export function presentAgreement(row: AgreementRow) {
  const a = row.agreement;
  return {
    id: a.id,
    memberId: a.memberId,
    memberName: `${row.givenName} ${row.familyName}`,
    agreed: a.agreed,
    agreedAt: a.agreedAt.toISOString(),
    note: a.note,
    recordedBy: { id: a.recordedBy, displayName: row.recorderName },
    createdAt: a.createdAt.toISOString(),
  };
}
