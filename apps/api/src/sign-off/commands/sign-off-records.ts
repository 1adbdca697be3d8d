import {
  closureProposals,
  type Executor,
  planSignOffs,
  signOffDecisions,
  users,
} from "@teamaround/db";
import type { SignOffDecision } from "@teamaround/domain";
import { and, asc, eq } from "drizzle-orm";

type DecidedSubject = "plan" | "closure";

/** Appends a manager's decision to the sign-off history, in the caller's transaction. */
export async function recordDecision(
  tx: Executor,
  subject: { subject: DecidedSubject; id: string; familyId: string; episodeId: string },
  d: { decision: SignOffDecision; comments: string | null; by: string; at: Date },
) {
  await tx.insert(signOffDecisions).values({
    familyId: subject.familyId,
    episodeId: subject.episodeId,
    subject: subject.subject,
    subjectId: subject.id,
    decision: d.decision,
    comments: d.comments,
    decidedBy: d.by,
    decidedAt: d.at,
  });
}

/** Every decision on one episode's closure (or plan), oldest first, with who decided. */
export async function listDecisions(
  db: Executor,
  familyId: string,
  episodeId: string,
  subject: DecidedSubject,
) {
  const rows = await db
    .select({
      subjectId: signOffDecisions.subjectId,
      decision: signOffDecisions.decision,
      comments: signOffDecisions.comments,
      decidedBy: signOffDecisions.decidedBy,
      decidedByName: users.displayName,
      decidedAt: signOffDecisions.decidedAt,
    })
    .from(signOffDecisions)
    .innerJoin(users, eq(users.id, signOffDecisions.decidedBy))
    .where(
      and(
        eq(signOffDecisions.familyId, familyId),
        eq(signOffDecisions.episodeId, episodeId),
        eq(signOffDecisions.subject, subject),
      ),
    )
    .orderBy(asc(signOffDecisions.decidedAt), asc(signOffDecisions.id));
  return rows;
}

export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];

/** The history as the API shows it. */
export function presentHistory(rows: readonly DecisionRow[]) {
  return rows.map((r) => ({
    decision: r.decision,
    comments: r.comments,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt.toISOString(),
  }));
}

/** The manager's last word on one proposal or submission, if any. */
export function lastDecisionOn(rows: readonly DecisionRow[], subjectId: string) {
  const last = rows.filter((r) => r.subjectId === subjectId).at(-1);
  if (!last) return { decidedAt: null, decidedBy: null, returnComments: null };
  return {
    decidedAt: last.decidedAt.toISOString(),
    decidedBy: { userId: last.decidedBy, name: last.decidedByName },
    returnComments: last.decision === "returned" ? last.comments : null,
  };
}

/**
 * When an episode closes (approved, closed directly or stepped up), a closure
 * or plan still waiting for sign-off has nothing left to decide.
 */
export async function withdrawWaitingSignOffs(tx: Executor, episodeId: string, at: Date) {
  await tx
    .update(closureProposals)
    .set({ status: "withdrawn", updatedAt: at })
    .where(and(eq(closureProposals.episodeId, episodeId), eq(closureProposals.status, "waiting")));
  await tx
    .update(planSignOffs)
    .set({ status: "withdrawn", updatedAt: at })
    .where(and(eq(planSignOffs.episodeId, episodeId), eq(planSignOffs.status, "waiting")));
}
