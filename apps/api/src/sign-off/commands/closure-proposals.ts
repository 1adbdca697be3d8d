import { closureProposals, type Executor, outcomes, users } from "@teamaround/db";
import {
  AppError,
  closureAbilities,
  closureConflict,
  type FamilyAccess,
  notFound,
} from "@teamaround/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { currentEpisode } from "../../assessment/commands/journey-lookups";
import { lastDecisionOn, listDecisions, presentHistory } from "./sign-off-records";

/** One closure proposal of the family; inside a decision's transaction pass `lock`. */
export async function getClosureProposal(
  db: Executor,
  familyId: string,
  proposalId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(closureProposals)
    .where(and(eq(closureProposals.id, proposalId), eq(closureProposals.familyId, familyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("That closure proposal");
  return row;
}

export type ClosureProposalRow = Awaited<ReturnType<typeof getClosureProposal>>;

/** The episode's latest proposal, if any (locked inside a write, so two proposals queue). */
export async function latestClosureProposal(
  db: Executor,
  familyId: string,
  episodeId: string,
  options: { lock?: boolean } = {},
): Promise<ClosureProposalRow | null> {
  const query = db
    .select()
    .from(closureProposals)
    .where(and(eq(closureProposals.familyId, familyId), eq(closureProposals.episodeId, episodeId)))
    // The waiting one first: whatever the clocks said, it is the current proposal.
    .orderBy(
      sql`(${closureProposals.status} = 'waiting') desc`,
      desc(closureProposals.proposedAt),
      desc(closureProposals.createdAt),
    )
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

async function presentProposal(
  db: Executor,
  row: ClosureProposalRow,
  decisions: Awaited<ReturnType<typeof listDecisions>>,
) {
  const [proposer] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, row.proposedBy));
  const titles = new Map(
    (
      await db
        .select({ id: outcomes.id, title: outcomes.title })
        .from(outcomes)
        .where(and(eq(outcomes.familyId, row.familyId), eq(outcomes.episodeId, row.episodeId)))
    ).map((o) => [o.id, o.title]),
  );
  return {
    id: row.id,
    episodeId: row.episodeId,
    status: row.status,
    ...lastDecisionOn(decisions, row.id),
    reason: row.reason,
    summary: row.summary,
    scores: row.scores.map((s) => ({
      area: s.area,
      memberId: s.memberId ?? null,
      scoredBy: s.scoredBy,
      score: s.score,
    })),
    outcomeResults: row.outcomeResults.map((r) => ({
      outcomeId: r.outcomeId,
      title: titles.get(r.outcomeId) ?? "",
      result: r.result,
    })),
    proposedAt: row.proposedAt.toISOString(),
    proposedBy: { userId: row.proposedBy, name: proposer?.name ?? "" },
  };
}

/**
 * Where the closure of the family's latest episode stands, for staff: the
 * authority's setting, the latest proposal, every decision on the episode's
 * closure and what the caller may do now.
 */
export async function loadClosureSignOff(
  db: Executor,
  access: FamilyAccess,
  familyId: string,
  signOffRequired: boolean,
) {
  const episode = await currentEpisode(db, familyId);
  const latest = await latestClosureProposal(db, familyId, episode.id);
  const decisions = await listDecisions(db, familyId, episode.id, "closure");
  return {
    signOffRequired,
    current: latest ? await presentProposal(db, latest, decisions) : null,
    history: presentHistory(decisions),
    can: closureAbilities(access, latest, signOffRequired),
  };
}

/**
 * Closing at once is refused (409) where the authority asks for sign-off, or
 * while a proposal waits for a manager. Run inside the closing transaction.
 */
export async function assertMayCloseDirectly(
  tx: Executor,
  familyId: string,
  signOffRequired: boolean,
) {
  const episode = await currentEpisode(tx, familyId);
  const latest = await latestClosureProposal(tx, familyId, episode.id);
  const conflict = closureConflict("close", latest, signOffRequired);
  if (conflict) throw new AppError("conflict", conflict);
}
