import { caseAudits, type Executor, getLatestEpisode } from "@teamaround/db";
import { caseAuditAreas } from "@teamaround/domain";

/** A manager's audit of a family's latest episode, as the API records one. */
export async function buildCaseAudit(
  db: Executor,
  input: { familyId: string; auditorId: string; practitionerId: string | null },
) {
  const episode = await getLatestEpisode(db, input.familyId);
  const [row] = await db
    .insert(caseAudits)
    .values({
      familyId: input.familyId,
      episodeId: episode.id,
      auditorId: input.auditorId,
      practitionerId: input.practitionerId,
      auditedOn: new Date().toISOString().slice(0, 10),
      grade: "requires_improvement",
      areas: caseAuditAreas.map((area) => ({
        area,
        grade: "requires_improvement" as const,
        comment: "The child's voice is missing from the plan.",
      })),
      feedback: "Record Robin's own words at the next review.",
    })
    .returning();
  if (!row) throw new Error("case audit not inserted");
  return row;
}
