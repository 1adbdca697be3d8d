import { assessmentEntries, type Executor, familyMembers, needScores } from "@teamaround/db";
import {
  type AssessmentKind,
  type AssessmentStatus,
  type FamilyAccess,
  isVoiceSection,
  type OutcomeArea,
  relationshipOf,
  type ScoredBy,
  sharedSections,
} from "@teamaround/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getAssessment } from "../assessment/commands/journey-lookups";

export interface FamilyAssessment {
  kind: AssessmentKind;
  status: AssessmentStatus;
  startedAt: Date;
  completedAt: Date | null;
  sections: { section: string; text: string }[];
  /** Only the downloading family member's own words; none for staff (each person's are theirs). */
  voices: { section: string; text: string }[];
  scores: {
    area: OutcomeArea;
    childName: string | null;
    scoredBy: ScoredBy;
    score: number;
    strengths: string | null;
    needs: string | null;
  }[];
}

/** The standing score per (area, child, view): the latest row of each. */
function standing<T extends { area: string; memberId: string | null; scoredBy: string }>(
  rows: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) latest.set(`${row.area}|${row.memberId ?? ""}|${row.scoredBy}`, row);
  return [...latest.values()];
}

async function loadScores(db: Executor, familyId: string, assessmentId: string) {
  const rows = await db
    .select({
      area: needScores.area,
      memberId: needScores.memberId,
      scoredBy: needScores.scoredBy,
      score: needScores.score,
      strengths: needScores.strengths,
      needs: needScores.needs,
      givenName: familyMembers.givenName,
    })
    .from(needScores)
    .leftJoin(familyMembers, eq(familyMembers.id, needScores.memberId))
    .where(and(eq(needScores.assessmentId, assessmentId), eq(needScores.familyId, familyId)))
    .orderBy(asc(needScores.recordedAt));
  return standing(rows).map(({ memberId: _, givenName, ...score }) => ({
    ...score,
    childName: givenName,
  }));
}

/**
 * An assessment as the family may see it: the sections the team writes
 * together, the standing scores (without the practitioners' notes on them),
 * and a family member's own words only when they download it themselves.
 * Sign-off comments and contributors' history are never read.
 */
export async function loadFamilyAssessment(
  db: Executor,
  access: FamilyAccess,
  assessmentId: string,
): Promise<FamilyAssessment> {
  const familyId = access.familyId;
  const assessment = await getAssessment(db, familyId, assessmentId);
  const entryScope = and(
    eq(assessmentEntries.assessmentId, assessment.id),
    eq(assessmentEntries.familyId, familyId),
  );
  const shared = await db
    .select({ section: assessmentEntries.section, text: assessmentEntries.text })
    .from(assessmentEntries)
    .where(and(entryScope, isNull(assessmentEntries.memberId)));
  const ownMemberId = relationshipOf(access) === "family_member" ? access.familyMemberId : null;
  const voices = ownMemberId
    ? await db
        .select({ section: assessmentEntries.section, text: assessmentEntries.text })
        .from(assessmentEntries)
        .where(and(entryScope, eq(assessmentEntries.memberId, ownMemberId)))
    : [];
  return {
    kind: assessment.kind,
    status: assessment.status,
    startedAt: assessment.startedAt,
    completedAt: assessment.completedAt,
    sections: sharedSections.map((section) => ({
      section,
      text: shared.find((e) => e.section === section)?.text ?? "",
    })),
    voices: voices.filter((v) => isVoiceSection(v.section) && v.text.trim() !== ""),
    scores: await loadScores(db, familyId, assessment.id),
  };
}
