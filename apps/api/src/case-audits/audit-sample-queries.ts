import { auditSamples, caseAudits, type Executor, families, users } from "@teamaround/db";
import { and, desc, eq, inArray } from "drizzle-orm";

type SampleRow = typeof auditSamples.$inferSelect;

/** Samples as the API shows them: each family drawn, with the audit made of it for the sample. */
export async function presentAuditSamples(db: Executor, samples: readonly SampleRow[]) {
  const familyIds = [...new Set(samples.flatMap((s) => s.familyIds))];
  const sampleIds = samples.map((s) => s.id);
  const drawers = [...new Set(samples.map((s) => s.drawnBy))];
  const [familyRows, auditRows, drawerRows] = await Promise.all([
    familyIds.length === 0
      ? []
      : db
          .select({ id: families.id, reference: families.reference, name: families.displayName })
          .from(families)
          .where(inArray(families.id, familyIds)),
    sampleIds.length === 0
      ? []
      : db.select().from(caseAudits).where(inArray(caseAudits.sampleId, sampleIds)),
    drawers.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, drawers)),
  ]);
  const familyById = new Map(familyRows.map((f) => [f.id, f]));
  const drawerName = new Map(drawerRows.map((u) => [u.id, u.name]));
  return samples.map((sample) => ({
    id: sample.id,
    quarter: sample.quarter,
    drawnAt: sample.drawnAt.toISOString(),
    drawnBy: { userId: sample.drawnBy, name: drawerName.get(sample.drawnBy) ?? "" },
    families: sample.familyIds.map((familyId) => {
      const family = familyById.get(familyId);
      const audit = auditRows.find((a) => a.sampleId === sample.id && a.familyId === familyId);
      return {
        familyId,
        reference: family?.reference ?? "",
        displayName: family?.name ?? "",
        audit: audit
          ? {
              id: audit.id,
              grade: audit.grade,
              auditedOn: audit.auditedOn,
              acknowledged: audit.acknowledgedAt !== null,
            }
          : null,
      };
    }),
  }));
}

export function listAuditSamples(db: Executor, agencyId: string) {
  return db
    .select()
    .from(auditSamples)
    .where(and(eq(auditSamples.agencyId, agencyId)))
    .orderBy(desc(auditSamples.quarter), desc(auditSamples.drawnAt));
}
