import { type Executor, loadPlanForSignOff, planSignOffs, users } from "@teamaround/db";
import {
  type FamilyAccess,
  notFound,
  planChangedSince,
  planSignOffAbilities,
  type SignOffPlan,
} from "@teamaround/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { currentEpisode } from "../../assessment/commands/journey-lookups";
import {
  type DecisionRow,
  lastDecisionOn,
  listDecisions,
  presentHistory,
} from "./sign-off-records";

/** One plan submission of the family; inside a decision's transaction pass `lock`. */
export async function getPlanSignOff(
  db: Executor,
  familyId: string,
  signOffId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(planSignOffs)
    .where(and(eq(planSignOffs.id, signOffId), eq(planSignOffs.familyId, familyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("That plan sign-off");
  return row;
}

export type PlanSignOffRow = Awaited<ReturnType<typeof getPlanSignOff>>;

/** The episode's latest submission (locked inside a write, so two submissions queue). */
export async function latestPlanSignOff(
  db: Executor,
  familyId: string,
  episodeId: string,
  options: { lock?: boolean; status?: "approved" } = {},
): Promise<PlanSignOffRow | null> {
  const query = db
    .select()
    .from(planSignOffs)
    .where(
      and(
        eq(planSignOffs.familyId, familyId),
        eq(planSignOffs.episodeId, episodeId),
        options.status ? eq(planSignOffs.status, options.status) : undefined,
      ),
    )
    // The waiting one first: whatever the clocks said, it is the current submission.
    .orderBy(
      sql`(${planSignOffs.status} = 'waiting') desc`,
      desc(planSignOffs.submittedAt),
      desc(planSignOffs.createdAt),
    )
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** The snapshot as staff read it: words, outcomes, and actions with their owners' names. */
function presentPlan(plan: SignOffPlan) {
  return {
    sections: plan.sections,
    outcomes: plan.outcomes,
    actions: plan.actions.map((a) => ({
      id: a.id,
      outcomeId: a.outcomeId,
      text: a.text,
      dueDate: a.dueDate,
      owners: a.owners.map((o) => o.name),
    })),
  };
}

async function presentSubmission(
  db: Executor,
  row: PlanSignOffRow,
  decisions: readonly DecisionRow[],
  planNow: SignOffPlan,
) {
  const [submitter] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, row.submittedBy));
  return {
    id: row.id,
    episodeId: row.episodeId,
    status: row.status,
    ...lastDecisionOn(decisions, row.id),
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: { userId: row.submittedBy, name: submitter?.name ?? "" },
    plan: presentPlan(row.plan),
    changedSince: planChangedSince(row.plan, planNow),
  };
}

/**
 * Where the plan's sign-off stands, for staff: the authority's setting, the
 * latest submission (and whether the plan changed since), the latest approval
 * (and whether the plan changed since), every decision on the episode's plan,
 * and what the caller may do now. Run in a repeatable-read transaction.
 */
export async function loadPlanSignOff(
  db: Executor,
  access: FamilyAccess,
  familyId: string,
  signOffRequired: boolean,
) {
  const episode = await currentEpisode(db, familyId);
  const latest = await latestPlanSignOff(db, familyId, episode.id);
  const approved =
    latest?.status === "approved"
      ? latest
      : await latestPlanSignOff(db, familyId, episode.id, { status: "approved" });
  const decisions = await listDecisions(db, familyId, episode.id, "plan");
  const planNow = latest ? await loadPlanForSignOff(db, familyId, episode.id) : null;
  const approval = approved ? lastDecisionOn(decisions, approved.id) : null;
  return {
    signOffRequired,
    current: latest && planNow ? await presentSubmission(db, latest, decisions, planNow) : null,
    lastApproved:
      approved && planNow && approval?.decidedAt
        ? {
            id: approved.id,
            decidedAt: approval.decidedAt,
            changedSince: planChangedSince(approved.plan, planNow),
          }
        : null,
    history: presentHistory(decisions),
    can: planSignOffAbilities(access, latest, signOffRequired),
  };
}
