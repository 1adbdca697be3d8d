import { consents, type Executor, lawfulBasisRecords } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, arrayContains, desc, eq, gt, gte, isNull, or } from "drizzle-orm";
import { isoDay } from "../shared/dates";

/** What a team membership rests on: exactly one of the two, for a member. */
export interface Basis {
  consentId: string | null;
  lawfulBasisId: string | null;
}

export interface AgencyRef {
  id: string;
  name: string;
}

/** Consent given, not withdrawn, review date not passed, and naming the agency. */
function activeConsent(familyId: string, agencyId: string, now: Date) {
  return and(
    eq(consents.familyId, familyId),
    eq(consents.decision, "given"),
    isNull(consents.withdrawnAt),
    or(isNull(consents.reviewDate), gte(consents.reviewDate, isoDay(now))),
    arrayContains(consents.agencyIds, [agencyId]),
  );
}

/** A lawful basis not ended and naming the agency. */
function activeLawfulBasis(familyId: string, agencyId: string, now: Date) {
  return and(
    eq(lawfulBasisRecords.familyId, familyId),
    or(isNull(lawfulBasisRecords.endedAt), gt(lawfulBasisRecords.endedAt, now)),
    arrayContains(lawfulBasisRecords.agencyIds, [agencyId]),
  );
}

export function noCoveringBasis(agency: AgencyRef): AppError {
  return new AppError(
    "conflict",
    `No active consent or lawful basis covers ${agency.name}. Record the family's consent to share with this agency, or a lawful basis, before adding them.`,
    { agencyId: agency.id, agencyName: agency.name },
  );
}

/** The newest active consent covering the agency, else the newest active lawful basis. */
export async function findCoveringBasis(
  db: Executor,
  familyId: string,
  agencyId: string,
  now: Date,
): Promise<Basis | null> {
  const [consent] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(activeConsent(familyId, agencyId, now))
    .orderBy(desc(consents.obtainedAt))
    .limit(1);
  if (consent) return { consentId: consent.id, lawfulBasisId: null };
  const [basis] = await db
    .select({ id: lawfulBasisRecords.id })
    .from(lawfulBasisRecords)
    .where(activeLawfulBasis(familyId, agencyId, now))
    .orderBy(desc(lawfulBasisRecords.decidedAt))
    .limit(1);
  return basis ? { consentId: null, lawfulBasisId: basis.id } : null;
}

/** Whether a basis still stands for the agency (for keeping a basis across a lead handover). */
export async function basisCovers(
  db: Executor,
  familyId: string,
  basis: Basis,
  agencyId: string,
  now: Date,
): Promise<boolean> {
  if (basis.consentId) {
    const rows = await db
      .select({ id: consents.id })
      .from(consents)
      .where(and(eq(consents.id, basis.consentId), activeConsent(familyId, agencyId, now)));
    return rows.length > 0;
  }
  if (basis.lawfulBasisId) {
    const rows = await db
      .select({ id: lawfulBasisRecords.id })
      .from(lawfulBasisRecords)
      .where(
        and(
          eq(lawfulBasisRecords.id, basis.lawfulBasisId),
          activeLawfulBasis(familyId, agencyId, now),
        ),
      );
    return rows.length > 0;
  }
  return false;
}

/**
 * The basis the caller named, if it is this family's (else 404) and still
 * covers the agency (else 409); or one found for them when they named none.
 */
export async function resolveBasis(
  db: Executor,
  familyId: string,
  named: { consentId?: string; lawfulBasisId?: string },
  agency: AgencyRef,
  now: Date,
): Promise<Basis> {
  if (!named.consentId && !named.lawfulBasisId) {
    const found = await findCoveringBasis(db, familyId, agency.id, now);
    if (!found) throw noCoveringBasis(agency);
    return found;
  }
  const basis = { consentId: named.consentId ?? null, lawfulBasisId: named.lawfulBasisId ?? null };
  await assertBelongsToFamily(db, familyId, basis);
  if (!(await basisCovers(db, familyId, basis, agency.id, now))) throw noCoveringBasis(agency);
  return basis;
}

async function assertBelongsToFamily(db: Executor, familyId: string, basis: Basis) {
  if (basis.consentId) {
    const rows = await db
      .select({ id: consents.id })
      .from(consents)
      .where(and(eq(consents.id, basis.consentId), eq(consents.familyId, familyId)));
    if (rows.length === 0) throw notFound("That consent");
  }
  if (basis.lawfulBasisId) {
    const rows = await db
      .select({ id: lawfulBasisRecords.id })
      .from(lawfulBasisRecords)
      .where(
        and(
          eq(lawfulBasisRecords.id, basis.lawfulBasisId),
          eq(lawfulBasisRecords.familyId, familyId),
        ),
      );
    if (rows.length === 0) throw notFound("That lawful basis");
  }
}
