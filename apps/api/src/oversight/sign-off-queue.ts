import { assessments, type Executor, families, signOffDecisions, users } from "@teamaround/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { inManagerScope, type ManagerScope } from "./manager-scope";

const submitter = alias(users, "submitter");

/**
 * Assessments submitted and waiting for a manager of the scope, longest
 * waiting first, each with the decisions made on it before (a returned and
 * resubmitted assessment keeps its history). Two queries.
 *
 * Only assessments need sign-off in this product today: plans and closures
 * are agreed at the TAC meeting and recorded by the lead.
 */
export async function listSignOffQueue(db: Executor, scope: ManagerScope) {
  const waiting = await db
    .select({
      assessmentId: assessments.id,
      familyId: families.id,
      familyName: families.displayName,
      familyReference: families.reference,
      episodeId: assessments.episodeId,
      submittedAt: assessments.submittedAt,
      submittedByName: submitter.displayName,
    })
    .from(assessments)
    .innerJoin(families, eq(families.id, assessments.familyId))
    .leftJoin(submitter, eq(submitter.id, assessments.submittedBy))
    .where(and(eq(assessments.status, "submitted"), inManagerScope(scope)))
    .orderBy(asc(assessments.submittedAt), asc(families.displayName));
  const ids = waiting.map((w) => w.assessmentId);
  const history =
    ids.length === 0
      ? []
      : await db
          .select({
            subjectId: signOffDecisions.subjectId,
            decision: signOffDecisions.decision,
            comments: signOffDecisions.comments,
            decidedByName: users.displayName,
            decidedAt: signOffDecisions.decidedAt,
          })
          .from(signOffDecisions)
          .innerJoin(users, eq(users.id, signOffDecisions.decidedBy))
          .where(
            and(
              eq(signOffDecisions.subject, "assessment"),
              inArray(signOffDecisions.subjectId, ids),
            ),
          )
          .orderBy(asc(signOffDecisions.decidedAt));
  return waiting.map((w) => ({
    subject: "assessment" as const,
    ...w,
    submittedAt: w.submittedAt ? w.submittedAt.toISOString() : null,
    history: history
      .filter((h) => h.subjectId === w.assessmentId)
      .map((h) => ({
        decision: h.decision,
        comments: h.comments,
        decidedByName: h.decidedByName,
        decidedAt: h.decidedAt.toISOString(),
      })),
  }));
}
