import { caseAudits, type Executor, families, teamMemberships, users } from "@teamaround/db";
import { notFound } from "@teamaround/domain";
import { and, asc, desc, eq, exists, inArray, isNull } from "drizzle-orm";

type AuditRow = typeof caseAudits.$inferSelect;

async function namesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Audits as the API shows them, with the auditor's and the practitioner's names. */
export async function presentCaseAudits(db: Executor, rows: readonly AuditRow[]) {
  const ids = rows.flatMap((r) => [r.auditorId, ...(r.practitionerId ? [r.practitionerId] : [])]);
  const names = await namesOf(db, ids);
  const person = (userId: string) => ({ userId, name: names.get(userId) ?? "" });
  return rows.map((row) => ({
    id: row.id,
    familyId: row.familyId,
    episodeId: row.episodeId,
    auditedOn: row.auditedOn,
    auditor: person(row.auditorId),
    practitioner: row.practitionerId ? person(row.practitionerId) : null,
    grade: row.grade,
    areas: row.areas,
    feedback: row.feedback,
    fromSample: row.sampleId !== null,
    acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
    practitionerResponse: row.practitionerResponse,
  }));
}

export function listCaseAudits(db: Executor, familyId: string) {
  return db
    .select()
    .from(caseAudits)
    .where(eq(caseAudits.familyId, familyId))
    .orderBy(desc(caseAudits.createdAt), desc(caseAudits.id));
}

export async function findCaseAudit(db: Executor, familyId: string, auditId: string) {
  const [row] = await db
    .select()
    .from(caseAudits)
    .where(and(eq(caseAudits.id, auditId), eq(caseAudits.familyId, familyId)));
  return row ?? null;
}

export function caseAuditNotFound() {
  return notFound("That audit");
}

/** The family's lead professional now, if it has one. */
export async function currentLeadId(db: Executor, familyId: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  return row?.userId ?? null;
}

/**
 * Audits of the user's work not yet acknowledged, on families they still
 * lead (only the lead may acknowledge), oldest first.
 */
export async function listMyCaseAudits(db: Executor, userId: string) {
  const stillLead = db
    .select({ id: teamMemberships.id })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, caseAudits.familyId),
        eq(teamMemberships.userId, userId),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  const rows = await db
    .select({ audit: caseAudits, family: families, auditorName: users.displayName })
    .from(caseAudits)
    .innerJoin(families, eq(families.id, caseAudits.familyId))
    .innerJoin(users, eq(users.id, caseAudits.auditorId))
    .where(
      and(
        eq(caseAudits.practitionerId, userId),
        isNull(caseAudits.acknowledgedAt),
        exists(stillLead),
      ),
    )
    .orderBy(asc(caseAudits.createdAt), asc(caseAudits.id));
  return rows.map(({ audit, family, auditorName }) => ({
    id: audit.id,
    familyId: family.id,
    familyReference: family.reference,
    familyDisplayName: family.displayName,
    auditedOn: audit.auditedOn,
    auditorName,
    grade: audit.grade,
  }));
}
