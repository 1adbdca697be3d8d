import { assessments, type Executor, episodes, familyMembers } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, desc, eq } from "drizzle-orm";

/** The family's latest episode: the open one, if any is open. Every family has one. */
export async function currentEpisode(db: Executor, familyId: string) {
  const [episode] = await db
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1);
  if (!episode) throw new AppError("internal", "The family has no episode.");
  return episode;
}

/**
 * The open episode, locked for the transaction (so two starts or two reviews
 * run one after the other), or 409: nothing is assessed or reviewed on a
 * closed case.
 */
export async function openEpisode(tx: Executor, familyId: string) {
  const [episode] = await tx
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1)
    .for("update");
  if (!episode || episode.status === "closed") {
    throw new AppError("conflict", "This family's Early Help episode is closed.");
  }
  return episode;
}

/**
 * One assessment of the family. Inside a write's transaction pass `lock` so
 * two decisions on it (submit and write, approve and return) run one after
 * the other and each sees the other's result.
 */
export async function getAssessment(
  db: Executor,
  familyId: string,
  assessmentId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.familyId, familyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("That assessment");
  return row;
}

export type AssessmentRow = Awaited<ReturnType<typeof getAssessment>>;

/** The family's members, for names, kinds and the "is this a child of the family" checks. */
export function listMembers(db: Executor, familyId: string) {
  return db
    .select({
      id: familyMembers.id,
      kind: familyMembers.kind,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId));
}

export type MemberFacts = Awaited<ReturnType<typeof listMembers>>[number];
