import { randomBytes } from "node:crypto";
import type { AssessmentStatus } from "@teamaround/domain";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { assessmentEntries, assessments } from "../schema/assessments";
import { episodes } from "../schema/episodes";
import { needScores } from "../schema/need-scores";

const sharedSections = [
  "family_story",
  "working_well",
  "worries",
  "analysis",
  "next_steps",
] as const;

/** The family's latest episode (every family has one). */
async function latestEpisode(db: Executor, familyId: string) {
  const [episode] = await db
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1);
  if (!episode) throw new Error("the family has no episode");
  return episode;
}

/** An assessment of the family's latest episode, a draft unless told otherwise. */
export async function buildAssessment(
  db: Executor,
  input: { familyId: string; startedBy: string; status?: AssessmentStatus },
) {
  const episode = await latestEpisode(db, input.familyId);
  const completed = input.status === "completed";
  const [row] = await db
    .insert(assessments)
    .values({
      episodeId: episode.id,
      familyId: input.familyId,
      status: input.status ?? "draft",
      startedAt: new Date(),
      startedBy: input.startedBy,
      completedAt: completed ? new Date() : null,
      completedBy: completed ? input.startedBy : null,
    })
    .returning();
  if (!row) throw new Error("assessment not inserted");
  return row;
}

/** Writes every shared section and one score, so the assessment may be submitted or completed. */
export async function fillAssessment(
  db: Executor,
  assessment: { id: string; familyId: string; episodeId: string },
  by: string,
) {
  await db.insert(assessmentEntries).values(
    sharedSections.map((section) => ({
      assessmentId: assessment.id,
      familyId: assessment.familyId,
      section,
      text: `Written ${randomBytes(2).toString("hex")}`,
      updatedBy: by,
    })),
  );
  await db.insert(needScores).values({
    familyId: assessment.familyId,
    episodeId: assessment.episodeId,
    stage: "assessment",
    assessmentId: assessment.id,
    area: "education",
    score: 4,
    scoredOn: new Date().toISOString().slice(0, 10),
    recordedBy: by,
  });
}

/** Moves an assessment to a status directly (for tests that start mid-way). */
export async function setAssessmentStatus(
  db: Executor,
  assessment: { id: string; familyId: string },
  status: AssessmentStatus,
) {
  const completed = status === "completed";
  await db
    .update(assessments)
    .set({
      status,
      completedAt: completed ? new Date() : null,
      submittedAt: status === "submitted" ? new Date() : null,
    })
    .where(and(eq(assessments.id, assessment.id), eq(assessments.familyId, assessment.familyId)));
}
