import type { AssessmentSection } from "@teamaround/domain";
import type { Executor } from "../client";
import { assessmentContributors, assessmentEntries, assessments } from "../schema";

/** The words of an assessment: shared sections, and each child's and parent's own voice. */
export interface AssessmentWords {
  sections: Record<Exclude<AssessmentSection, "child_voice" | "parent_voice">, string>;
  childVoices: { memberId: string; text: string }[];
  parentVoices: { memberId: string; text: string }[];
}

/** An assessment with its words and contributors, as far as it got: sent for sign-off, or completed. */
export async function draftAssessment(
  db: Executor,
  familyId: string,
  input: {
    episodeId: string;
    startedAt: Date;
    submittedAt: Date;
    leadId: string;
    contributors: { userId: string; at: Date }[];
    words: AssessmentWords;
    status: "submitted" | "completed";
    decidedAt?: Date;
    decidedBy?: string;
    completedAt?: Date;
    completedBy?: string;
  },
) {
  const [assessment] = await db
    .insert(assessments)
    .values({
      episodeId: input.episodeId,
      familyId,
      status: input.status,
      startedAt: input.startedAt,
      startedBy: input.leadId,
      submittedAt: input.submittedAt,
      submittedBy: input.leadId,
      decidedAt: input.decidedAt ?? null,
      decidedBy: input.decidedBy ?? null,
      completedAt: input.completedAt ?? null,
      completedBy: input.completedBy ?? null,
      createdAt: input.startedAt,
      updatedAt: input.completedAt ?? input.submittedAt,
    })
    .returning();
  if (!assessment) throw new Error("demo assessment not inserted");
  const { sections, childVoices, parentVoices } = input.words;
  const entry = (section: AssessmentSection, text: string, memberId: string | null) => ({
    assessmentId: assessment.id,
    familyId,
    section,
    memberId,
    text,
    updatedBy: input.leadId,
    createdAt: input.startedAt,
    updatedAt: input.submittedAt,
  });
  await db
    .insert(assessmentEntries)
    .values([
      ...Object.entries(sections).map(([section, text]) =>
        entry(section as AssessmentSection, text, null),
      ),
      ...childVoices.map((v) => entry("child_voice", v.text, v.memberId)),
      ...parentVoices.map((v) => entry("parent_voice", v.text, v.memberId)),
    ]);
  await db.insert(assessmentContributors).values(
    input.contributors.map((c) => ({
      assessmentId: assessment.id,
      userId: c.userId,
      firstContributedAt: c.at,
    })),
  );
  return assessment;
}
