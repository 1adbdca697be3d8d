import {
  assessments,
  closureProposals,
  type Executor,
  episodes,
  families,
  planSignOffs,
  signOffDecisions,
  users,
} from "@teamaround/db";
import type { SignOffSubject } from "@teamaround/domain";
import { and, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { inManagerScope, type ManagerScope } from "./manager-scope";

const submitter = alias(users, "submitter");

const familyColumns = {
  familyId: families.id,
  familyName: families.displayName,
  familyReference: families.reference,
};

/** Assessments submitted, closures proposed and plans submitted, each waiting in the scope. */
async function listWaiting(db: Executor, scope: ManagerScope) {
  const inScope = inManagerScope(scope);
  const [assessed, closures, plans] = await Promise.all([
    db
      .select({
        subjectId: assessments.id,
        ...familyColumns,
        episodeId: assessments.episodeId,
        submittedAt: assessments.submittedAt,
        submittedByName: submitter.displayName,
      })
      .from(assessments)
      .innerJoin(families, eq(families.id, assessments.familyId))
      .leftJoin(submitter, eq(submitter.id, assessments.submittedBy))
      .where(and(eq(assessments.status, "submitted"), inScope)),
    db
      .select({
        subjectId: closureProposals.id,
        ...familyColumns,
        episodeId: closureProposals.episodeId,
        submittedAt: closureProposals.proposedAt,
        submittedByName: submitter.displayName,
      })
      .from(closureProposals)
      .innerJoin(families, eq(families.id, closureProposals.familyId))
      .innerJoin(episodes, eq(episodes.id, closureProposals.episodeId))
      .leftJoin(submitter, eq(submitter.id, closureProposals.proposedBy))
      .where(and(eq(closureProposals.status, "waiting"), ne(episodes.status, "closed"), inScope)),
    db
      .select({
        subjectId: planSignOffs.id,
        ...familyColumns,
        episodeId: planSignOffs.episodeId,
        submittedAt: planSignOffs.submittedAt,
        submittedByName: submitter.displayName,
      })
      .from(planSignOffs)
      .innerJoin(families, eq(families.id, planSignOffs.familyId))
      .innerJoin(episodes, eq(episodes.id, planSignOffs.episodeId))
      .leftJoin(submitter, eq(submitter.id, planSignOffs.submittedBy))
      .where(and(eq(planSignOffs.status, "waiting"), ne(episodes.status, "closed"), inScope)),
  ]);
  const tag =
    <S extends SignOffSubject>(subject: S) =>
    (row: (typeof assessed)[number]) => ({
      subject,
      ...row,
    });
  return [
    ...assessed.map(tag("assessment")),
    ...closures.map(tag("closure")),
    ...plans.map(tag("plan")),
  ];
}

type Waiting = Awaited<ReturnType<typeof listWaiting>>[number];

/**
 * Earlier decisions: on the same assessment (a returned and resubmitted one
 * keeps its history), or on the same episode's closure or plan (a returned
 * closure or plan is amended as a new proposal or submission).
 */
async function listHistory(db: Executor, waiting: readonly Waiting[]) {
  const of = (subject: SignOffSubject) => waiting.filter((w) => w.subject === subject);
  const conditions: SQL[] = [];
  const assessed = of("assessment").map((w) => w.subjectId);
  if (assessed.length > 0) {
    conditions.push(
      and(
        eq(signOffDecisions.subject, "assessment"),
        inArray(signOffDecisions.subjectId, assessed),
      ) as SQL,
    );
  }
  for (const subject of ["closure", "plan"] as const) {
    const episodeIds = of(subject).map((w) => w.episodeId);
    if (episodeIds.length > 0) {
      conditions.push(
        and(
          eq(signOffDecisions.subject, subject),
          inArray(signOffDecisions.episodeId, episodeIds),
        ) as SQL,
      );
    }
  }
  if (conditions.length === 0) return [];
  return db
    .select({
      subject: signOffDecisions.subject,
      subjectId: signOffDecisions.subjectId,
      episodeId: signOffDecisions.episodeId,
      decision: signOffDecisions.decision,
      comments: signOffDecisions.comments,
      decidedByName: users.displayName,
      decidedAt: signOffDecisions.decidedAt,
    })
    .from(signOffDecisions)
    .innerJoin(users, eq(users.id, signOffDecisions.decidedBy))
    .where(or(...conditions))
    .orderBy(signOffDecisions.decidedAt, signOffDecisions.id);
}

const waitedSince = (w: Waiting) => w.submittedAt?.getTime() ?? 0;

/**
 * What waits for a manager of the scope — assessments submitted, closures
 * proposed, plans submitted — longest waiting first, each with the decisions
 * made on it before. Four queries, however long the queue.
 */
export async function listSignOffQueue(db: Executor, scope: ManagerScope) {
  const waiting = (await listWaiting(db, scope)).sort(
    (a, b) => waitedSince(a) - waitedSince(b) || a.familyName.localeCompare(b.familyName),
  );
  const history = await listHistory(db, waiting);
  return waiting.map((w) => ({
    ...w,
    submittedAt: w.submittedAt ? w.submittedAt.toISOString() : null,
    history: history
      .filter((h) =>
        w.subject === "assessment"
          ? h.subject === "assessment" && h.subjectId === w.subjectId
          : h.subject === w.subject && h.episodeId === w.episodeId,
      )
      .map((h) => ({
        decision: h.decision,
        comments: h.comments,
        decidedByName: h.decidedByName,
        decidedAt: h.decidedAt.toISOString(),
      })),
  }));
}
