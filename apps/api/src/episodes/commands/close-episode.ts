import {
  type Executor,
  enqueueMeetingNotices,
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  families,
  feedbackInvitations,
  meetings,
  outcomes,
  sustainabilityChecks,
  teamMemberships,
} from "@teamaround/db";
import {
  AppError,
  type ClosureReason,
  followUpDueDates,
  type OutcomeResult,
  type ScoreInput,
} from "@teamaround/domain";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { listMembers } from "../../assessment/commands/journey-lookups";
import { assertScoredChildren, insertScores } from "../../assessment/commands/record-scores";
import { isoDay } from "../../shared/dates";
import { updateVersioned } from "../../shared/versioned-update";
import { withdrawWaitingSignOffs } from "../../sign-off/commands/sign-off-records";

export interface CloseEpisodeInput {
  familyId: string;
  version: number;
  reason: ClosureReason;
  summary: string;
  by: string;
  now: Date;
  /** Set on a step-up: the level of need the family moves to. */
  levelOfNeed?: number;
  scores?: readonly ScoreInput[];
  outcomeResults?: readonly { outcomeId: string; result: OutcomeResult }[];
}

/** The family's latest episode, locked; 409 when it has already closed. */
export async function lockOpenEpisode(tx: Executor, familyId: string) {
  const [episode] = await tx
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1)
    .for("update");
  if (!episode) throw new AppError("internal", "The family has no episode.");
  if (episode.status === "closed") {
    throw new AppError("conflict", "This family's Early Help episode has already closed.");
  }
  return episode;
}

/**
 * Every active outcome of the closing episode needs a result, and every
 * result must name an outcome of that episode (an earlier episode's outcomes
 * were settled when it closed).
 */
async function assertOutcomeResults(
  tx: Executor,
  familyId: string,
  episodeId: string,
  results: readonly { outcomeId: string }[],
) {
  const own = await tx
    .select({ id: outcomes.id, status: outcomes.status })
    .from(outcomes)
    .where(and(eq(outcomes.familyId, familyId), eq(outcomes.episodeId, episodeId)));
  const ids = new Set(own.map((o) => o.id));
  const given = new Set(results.map((r) => r.outcomeId));
  const foreign = results.filter((r) => !ids.has(r.outcomeId)).map((r) => r.outcomeId);
  const missing = own.filter((o) => o.status === "active" && !given.has(o.id)).map((o) => o.id);
  if (foreign.length > 0 || missing.length > 0) {
    throw new AppError(
      "unprocessable",
      "Say whether each active outcome of this episode's plan was met, and only those of this episode.",
      { notThisEpisode: foreign, missing },
    );
  }
}

/**
 * The answers a closure (not a step-up) needs, checked against the episode:
 * scores only of the family's children, and a result for each active outcome
 * of this episode and no other. Checked again when a proposal is approved.
 */
export async function assertClosureAnswers(
  tx: Executor,
  familyId: string,
  episodeId: string,
  answers: Pick<CloseEpisodeInput, "scores" | "outcomeResults">,
) {
  assertScoredChildren(answers.scores ?? [], await listMembers(tx, familyId));
  await assertOutcomeResults(tx, familyId, episodeId, answers.outcomeResults ?? []);
}

async function currentLeadId(tx: Executor, familyId: string) {
  const [lead] = await tx
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  return lead?.userId ?? null;
}

/** What a closure (not a step-up) leaves behind: scores, outcome results, follow-ups, feedback. */
async function recordClosure(
  tx: Executor,
  input: CloseEpisodeInput,
  episodeId: string,
  closedOn: string,
) {
  const { familyId, now } = input;
  await insertScores(
    tx,
    {
      familyId,
      episodeId,
      stage: "closure",
      scoredOn: closedOn,
      recordedBy: input.by,
      recordedAt: now,
    },
    input.scores ?? [],
  );
  if (input.outcomeResults?.length) {
    await tx
      .insert(episodeOutcomeResults)
      .values(
        input.outcomeResults.map((r) => ({ episodeId, outcomeId: r.outcomeId, result: r.result })),
      );
  }
  const leadUserId = await currentLeadId(tx, familyId);
  await tx
    .insert(sustainabilityChecks)
    .values(followUpDueDates(closedOn).map((due) => ({ episodeId, familyId, leadUserId, ...due })))
    // An episode closes once; a check already there (made by hand or a fixture) is kept as it is.
    .onConflictDoNothing();
  await tx
    .insert(feedbackInvitations)
    .values({ familyId, episodeId, occasion: "closure", offeredAt: now })
    .onConflictDoNothing();
}

/**
 * Closes the family's open episode once: the episode, its event, the
 * family's mirrored status (on the family's version), and — unless the case
 * is stepped up — the closing scores, outcome results, the 3- and 6-month
 * follow-ups and "How was it for you?". Meetings still booked are
 * cancelled (their invitees are sent the cancellation), and a closure or
 * plan waiting for sign-off is withdrawn. Run inside a transaction.
 */
export async function closeEpisode(tx: Executor, input: CloseEpisodeInput) {
  const { familyId, now } = input;
  const steppedUp = input.reason === "stepped_up";
  const episode = await lockOpenEpisode(tx, familyId);
  if (!steppedUp) await assertClosureAnswers(tx, familyId, episode.id, input);
  const family = await updateVersioned(
    tx,
    families,
    { id: familyId, scope: eq(families.id, familyId), expectedVersion: input.version },
    {
      status: "closed",
      closureReason: input.reason,
      closureNote: input.summary,
      closedAt: now,
      ...(input.levelOfNeed === undefined ? {} : { levelOfNeed: input.levelOfNeed }),
    },
  );
  await tx
    .update(episodes)
    .set({
      status: "closed",
      closedAt: now,
      closedBy: input.by,
      closureReason: input.reason,
      closureSummary: input.summary,
      version: sql`${episodes.version} + 1`,
      updatedAt: now,
    })
    .where(eq(episodes.id, episode.id));
  await tx.insert(episodeEvents).values({
    episodeId: episode.id,
    familyId,
    kind: steppedUp ? "stepped_up" : "closed",
    at: now,
    by: input.by,
    levelOfNeed: family.levelOfNeed,
    note: input.summary,
  });
  // Meetings booked for a case that has closed will not happen: cancel them,
  // and tell everyone invited (their calendars drop them). A live meeting
  // stays open to be ended, so its plan version is still stored.
  const cancelled = await tx
    .update(meetings)
    .set({
      state: "cancelled",
      cancelledAt: now,
      version: sql`${meetings.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(meetings.familyId, familyId), eq(meetings.state, "scheduled")))
    .returning({ id: meetings.id });
  for (const { id } of cancelled) {
    await enqueueMeetingNotices(tx, {
      familyId,
      meetingId: id,
      event: { change: "cancelled" },
      createdBy: input.by,
      now,
    });
  }
  if (!steppedUp) await recordClosure(tx, input, episode.id, isoDay(now));
  // A closure or a plan still waiting for sign-off has nothing left to decide.
  await withdrawWaitingSignOffs(tx, episode.id, now);
  return { family, episodeId: episode.id };
}
