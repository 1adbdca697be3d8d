import { auditSamples, caseAudits, type Executor } from "@teamaround/db";
import { AppError, type CaseAuditInput, caseAuditAreas } from "@teamaround/domain";
import { and, arrayContains, desc, eq, notExists } from "drizzle-orm";
import { currentEpisode } from "../../assessment/commands/journey-lookups";
import { isoDay } from "../../shared/dates";
import { currentLeadId } from "../case-audit-queries";

/**
 * The newest sample of the auditor's service that drew this family and has
 * no audit of it yet: the audit answers that sample.
 */
async function openSampleFor(tx: Executor, agencyId: string, familyId: string) {
  const audited = tx
    .select({ id: caseAudits.id })
    .from(caseAudits)
    .where(and(eq(caseAudits.sampleId, auditSamples.id), eq(caseAudits.familyId, familyId)));
  const [sample] = await tx
    .select({ id: auditSamples.id })
    .from(auditSamples)
    .where(
      and(
        eq(auditSamples.agencyId, agencyId),
        arrayContains(auditSamples.familyIds, [familyId]),
        notExists(audited),
      ),
    )
    .orderBy(desc(auditSamples.drawnAt))
    .limit(1);
  return sample?.id ?? null;
}

/**
 * Records a manager's audit of the family's latest episode (open or closed),
 * of the work of the lead professional now. Areas are stored in the form's order.
 */
export async function recordCaseAudit(
  tx: Executor,
  input: CaseAuditInput,
  at: { familyId: string; auditorId: string; agencyId: string; now: Date },
) {
  const episode = await currentEpisode(tx, at.familyId);
  const areas = caseAuditAreas.flatMap((area) => input.areas.filter((a) => a.area === area));
  const [row] = await tx
    .insert(caseAudits)
    .values({
      familyId: at.familyId,
      episodeId: episode.id,
      sampleId: await openSampleFor(tx, at.agencyId, at.familyId),
      auditorId: at.auditorId,
      practitionerId: await currentLeadId(tx, at.familyId),
      auditedOn: isoDay(at.now),
      grade: input.grade,
      areas,
      feedback: input.feedback,
    })
    .returning();
  if (!row) throw new AppError("internal", "The audit was not saved.");
  return row;
}
