import {
  assessmentContributors,
  assessmentEntries,
  type Executor,
  needScores,
  users,
} from "@teamaround/db";
import {
  assessmentAbilities,
  can,
  canReadVoice,
  type FamilyAccess,
  isVoiceSection,
  missingBeforeSubmit,
  sharedSections,
  type VoiceSection,
} from "@teamaround/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type AssessmentRow, listMembers, type MemberFacts } from "./journey-lookups";

type Person = { userId: string; name: string };
type Names = Map<string, string>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function person(names: Names, userId: string | null): Person | null {
  return userId ? { userId, name: names.get(userId) ?? "Former user" } : null;
}

async function namesOf(db: Executor, ids: readonly (string | null)[]): Promise<Names> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const memberName = (m: MemberFacts) => `${m.givenName} ${m.familyName}`;

/** The standing score per (area, child, view): the latest row of each. */
function standingScores<T extends { area: string; memberId: string | null; scoredBy: string }>(
  rows: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) latest.set(`${row.area}|${row.memberId ?? ""}|${row.scoredBy}`, row);
  return [...latest.values()];
}

/**
 * The whole assessment as the caller may see it: the shared sections, the
 * voices they may read (an unwritten voice shows as version 0 for staff),
 * contributors, the standing scores, the sign-off trail and what they may do.
 */
export async function presentAssessment(
  db: Executor,
  access: FamilyAccess,
  assessment: AssessmentRow,
  settings: { assessmentSignOffRequired: boolean; scoreLowLabel: string; scoreHighLabel: string },
) {
  const where = and(
    eq(assessmentEntries.assessmentId, assessment.id),
    eq(assessmentEntries.familyId, access.familyId),
  );
  const [entries, members, contributors, scoreRows] = await Promise.all([
    db.select().from(assessmentEntries).where(where),
    listMembers(db, access.familyId),
    db
      .select()
      .from(assessmentContributors)
      .where(eq(assessmentContributors.assessmentId, assessment.id))
      .orderBy(asc(assessmentContributors.firstContributedAt)),
    db
      .select()
      .from(needScores)
      .where(
        and(eq(needScores.assessmentId, assessment.id), eq(needScores.familyId, access.familyId)),
      )
      .orderBy(asc(needScores.recordedAt)),
  ]);
  const names = await namesOf(db, [
    assessment.startedBy,
    assessment.submittedBy,
    assessment.decidedBy,
    assessment.completedBy,
    ...entries.map((e) => e.updatedBy),
    ...contributors.map((c) => c.userId),
    ...scoreRows.map((s) => s.recordedBy),
  ]);
  const entryFields = (e: (typeof entries)[number] | undefined) => ({
    text: e?.text ?? "",
    version: e?.version ?? 0,
    updatedAt: iso(e?.updatedAt ?? null),
    updatedBy: person(names, e?.updatedBy ?? null),
  });
  const sections = sharedSections.map((section) => ({
    section,
    ...entryFields(entries.find((e) => e.section === section && e.memberId === null)),
  }));
  const voiceSlots: { section: VoiceSection; member: MemberFacts }[] = members.map((member) => ({
    section: member.kind === "child" ? "child_voice" : "parent_voice",
    member,
  }));
  const voices = voiceSlots
    .filter(({ member }) => canReadVoice(access, { memberId: member.id }))
    .map(({ section, member }) => ({
      section,
      memberId: member.id,
      memberName: memberName(member),
      ...entryFields(entries.find((e) => e.section === section && e.memberId === member.id)),
    }));
  const written = entries
    .filter((e) => !isVoiceSection(e.section) && e.text.trim() !== "")
    .map((e) => e.section);
  return {
    id: assessment.id,
    episodeId: assessment.episodeId,
    kind: assessment.kind,
    status: assessment.status,
    version: assessment.version,
    signOffRequired: settings.assessmentSignOffRequired,
    startedAt: assessment.startedAt.toISOString(),
    startedBy: person(names, assessment.startedBy),
    submittedAt: iso(assessment.submittedAt),
    submittedBy: person(names, assessment.submittedBy),
    decidedAt: iso(assessment.decidedAt),
    decidedBy: person(names, assessment.decidedBy),
    returnComments: assessment.returnComments,
    completedAt: iso(assessment.completedAt),
    completedBy: person(names, assessment.completedBy),
    sections,
    voices,
    contributors: contributors.map((c) => ({
      userId: c.userId,
      name: names.get(c.userId) ?? "Former user",
      firstContributedAt: c.firstContributedAt.toISOString(),
    })),
    scores: standingScores(scoreRows).map((s) => ({
      id: s.id,
      stage: s.stage,
      area: s.area,
      memberId: s.memberId,
      scoredBy: s.scoredBy,
      score: s.score,
      strengths: s.strengths,
      needs: s.needs,
      // The practitioners' note is for those who read the case's notes, never the family.
      note: can(access, "episode", "read_notes") ? s.note : null,
      scoredOn: s.scoredOn,
      recordedBy: person(names, s.recordedBy) ?? { userId: s.recordedBy, name: "Former user" },
      recordedAt: s.recordedAt.toISOString(),
    })),
    missing: missingBeforeSubmit({ writtenSections: written, scoreCount: scoreRows.length }),
    can: assessmentAbilities(access, assessment, settings.assessmentSignOffRequired),
    children: members
      .filter((m) => m.kind === "child")
      .map((m) => ({ id: m.id, name: memberName(m) })),
    scale: { low: settings.scoreLowLabel, high: settings.scoreHighLabel },
  };
}

/** Whether every shared section is written and a score exists: what submit and complete need. */
export async function missingForAssessment(db: Executor, assessment: AssessmentRow) {
  const [entries, scores] = await Promise.all([
    db
      .select({ section: assessmentEntries.section, text: assessmentEntries.text })
      .from(assessmentEntries)
      .where(eq(assessmentEntries.assessmentId, assessment.id)),
    db
      .select({ id: needScores.id })
      .from(needScores)
      .where(eq(needScores.assessmentId, assessment.id))
      .limit(1),
  ]);
  const written = entries.filter((e) => e.text.trim() !== "").map((e) => e.section);
  return missingBeforeSubmit({ writtenSections: written, scoreCount: scores.length });
}
