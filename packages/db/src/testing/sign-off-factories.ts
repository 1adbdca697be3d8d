import type { OutcomeResult, ScoreInput, SignOffState } from "@teamaround/domain";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { loadPlanForSignOff } from "../queries/plan-for-sign-off";
import { closureProposals } from "../schema/closure-proposals";
import { episodes } from "../schema/episodes";
import { localAuthorities } from "../schema/local-authorities";
import { planSignOffs } from "../schema/plan-sign-offs";

async function latestEpisodeId(db: Executor, familyId: string) {
  const [episode] = await db
    .select({ id: episodes.id })
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1);
  if (!episode) throw new Error("the family has no episode");
  return episode.id;
}

/** A closure of the family's latest episode proposed for sign-off (waiting unless told otherwise). */
export async function buildClosureProposal(
  db: Executor,
  input: {
    familyId: string;
    proposedBy: string;
    status?: SignOffState;
    scores?: ScoreInput[];
    outcomeResults?: { outcomeId: string; result: OutcomeResult }[];
    proposedAt?: Date;
  },
) {
  const [row] = await db
    .insert(closureProposals)
    .values({
      familyId: input.familyId,
      episodeId: await latestEpisodeId(db, input.familyId),
      status: input.status ?? "waiting",
      reason: "outcomes_met",
      summary: "Mornings are calm and school every day.",
      scores: input.scores ?? [],
      outcomeResults: input.outcomeResults ?? [],
      proposedBy: input.proposedBy,
      proposedAt: input.proposedAt ?? new Date(),
    })
    .returning();
  if (!row) throw new Error("closure proposal not inserted");
  return row;
}

/** The family's plan as it stands, submitted for sign-off (waiting unless told otherwise). */
export async function buildPlanSignOff(
  db: Executor,
  input: { familyId: string; submittedBy: string; status?: SignOffState; submittedAt?: Date },
) {
  const episodeId = await latestEpisodeId(db, input.familyId);
  const [row] = await db
    .insert(planSignOffs)
    .values({
      familyId: input.familyId,
      episodeId,
      status: input.status ?? "waiting",
      plan: await loadPlanForSignOff(db, input.familyId, episodeId),
      submittedBy: input.submittedBy,
      submittedAt: input.submittedAt ?? new Date(),
    })
    .returning();
  if (!row) throw new Error("plan sign-off not inserted");
  return row;
}

/** Switches the authority's closure and plan sign-off on or off (closures need it by default). */
export async function setSignOffRequired(
  db: Executor,
  authorityId: string,
  required: { closure?: boolean; plan?: boolean },
) {
  await db
    .update(localAuthorities)
    .set({
      ...(required.closure === undefined ? {} : { closureSignOffRequired: required.closure }),
      ...(required.plan === undefined ? {} : { planSignOffRequired: required.plan }),
    })
    .where(eq(localAuthorities.id, authorityId));
}
