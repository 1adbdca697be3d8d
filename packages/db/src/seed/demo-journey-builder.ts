import type {
  ClosureReason,
  OutcomeArea,
  OutcomeResult,
  ScoreStage,
  SustainedResult,
} from "@teamaround/domain";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { familyStatusOf, openEpisode } from "../queries/open-family";
import {
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  families,
  feedbackAnswers,
  feedbackInvitations,
  helpRequests,
  needScores,
  sustainabilityChecks,
} from "../schema";
import { type AssessmentWords, draftAssessment } from "./demo-assessment-builder";
import { dayAfter, isoDay } from "./demo-dates";

async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("demo row not inserted");
  return row;
}

export type { AssessmentWords };

export interface DemoScore {
  area: OutcomeArea;
  score: number;
  /** The child the area is about; omitted for the whole family. */
  memberId?: string;
  /** The family's own score beside the practitioners'. */
  byFamily?: boolean;
  strengths?: string;
  needs?: string;
  note?: string;
}

/** A request for help as the front door recorded it (and, once triaged, its outcome). */
export const insertRequest = (db: Executor, values: typeof helpRequests.$inferInsert) =>
  one(db.insert(helpRequests).values(values).returning());

/** Steps of a demo family's Early Help journey; each writes the rows the product would. */
export function journeyBuilder(db: Executor, familyId: string) {
  return {
    episodeNumbered: async (number: number) => {
      const [episode] = await db
        .select()
        .from(episodes)
        .where(and(eq(episodes.familyId, familyId), eq(episodes.number, number)));
      if (!episode) throw new Error(`demo episode ${number} missing`);
      return episode;
    },

    request: (values: Omit<typeof helpRequests.$inferInsert, "familyId">) =>
      insertRequest(db, { familyId, ...values }),

    /** A later episode opened from an accepted request; the family takes its level of need. */
    nextEpisode: async (input: {
      number: number;
      openedAt: Date;
      openedBy: string;
      levelOfNeed: number;
    }) => {
      const episode = await openEpisode(db, {
        familyId,
        origin: "request_for_help",
        requestId: null,
        ...input,
      });
      await db
        .update(families)
        .set({ levelOfNeed: input.levelOfNeed })
        .where(eq(families.id, familyId));
      return episode;
    },

    /** Ties an accepted request and the episode it opened to each other. */
    linkRequest: async (requestId: string, episodeId: string) => {
      await db.update(helpRequests).set({ episodeId }).where(eq(helpRequests.id, requestId));
      await db.update(episodes).set({ requestId }).where(eq(episodes.id, episodeId));
    },

    /** A completed assessment signed off by the manager; the episode moves to plan in place. */
    completedAssessment: async (input: {
      episodeId: string;
      startedAt: Date;
      submittedAt: Date;
      signedOffAt: Date;
      leadId: string;
      managerId: string;
      contributors: { userId: string; at: Date }[];
      words: AssessmentWords;
    }) => {
      const assessment = await draftAssessment(db, familyId, {
        ...input,
        status: "completed",
        decidedAt: input.signedOffAt,
        decidedBy: input.managerId,
        completedAt: input.signedOffAt,
        completedBy: input.managerId,
      });
      await db
        .update(episodes)
        .set({ status: "plan_in_place", planInPlaceAt: input.signedOffAt })
        .where(eq(episodes.id, input.episodeId));
      await db.insert(episodeEvents).values({
        episodeId: input.episodeId,
        familyId,
        kind: "assessment_completed",
        at: input.signedOffAt,
        by: input.managerId,
      });
      return assessment;
    },

    /** An assessment sent for sign-off and waiting for the manager. */
    submittedAssessment: (input: {
      episodeId: string;
      startedAt: Date;
      submittedAt: Date;
      leadId: string;
      contributors: { userId: string; at: Date }[];
      words: AssessmentWords;
    }) => draftAssessment(db, familyId, { ...input, status: "submitted" }),

    scores: async (input: {
      episodeId: string;
      stage: ScoreStage;
      assessmentId?: string;
      reviewId?: string;
      at: Date;
      recordedBy: string;
      scores: DemoScore[];
    }) => {
      await db.insert(needScores).values(
        input.scores.map((s) => ({
          familyId,
          episodeId: input.episodeId,
          stage: input.stage,
          assessmentId: input.assessmentId ?? null,
          reviewId: input.reviewId ?? null,
          area: s.area,
          memberId: s.memberId ?? null,
          scoredBy: s.byFamily ? ("family" as const) : ("practitioners" as const),
          score: s.score,
          strengths: s.strengths ?? null,
          needs: s.needs ?? null,
          note: s.note ?? null,
          scoredOn: isoDay(input.at),
          recordedBy: input.recordedBy,
          recordedAt: input.at,
        })),
      );
    },

    /** Closes an episode with its outcome results and the 3- and 6-month follow-ups. */
    closeEpisode: async (input: {
      episodeId: string;
      at: Date;
      by: string;
      reason: ClosureReason;
      summary: string;
      results: { outcomeId: string; result: OutcomeResult }[];
      followUps: { result: SustainedResult; note: string; at: Date }[];
    }) => {
      await db
        .update(episodes)
        .set({
          status: "closed",
          closedAt: input.at,
          closedBy: input.by,
          closureReason: input.reason,
          closureSummary: input.summary,
        })
        .where(eq(episodes.id, input.episodeId));
      await db.insert(episodeEvents).values({
        episodeId: input.episodeId,
        familyId,
        kind: "closed",
        at: input.at,
        by: input.by,
        note: input.summary,
      });
      await db
        .insert(episodeOutcomeResults)
        .values(input.results.map((r) => ({ episodeId: input.episodeId, ...r })));
      const checks = (["3", "6"] as const).map((months, i) => {
        const answer = input.followUps[i];
        return {
          episodeId: input.episodeId,
          familyId,
          leadUserId: input.by,
          monthsAfter: months,
          dueOn: dayAfter(input.at, months === "3" ? 91 : 182),
          result: answer?.result ?? null,
          note: answer?.note ?? null,
          recordedBy: answer ? input.by : null,
          recordedAt: answer?.at ?? null,
        };
      });
      await db.insert(sustainabilityChecks).values(checks);
    },

    /** "How was it for you?" offered, and answered by the members given. */
    feedback: async (input: {
      episodeId: string;
      occasion: "review" | "closure";
      reviewId?: string;
      offeredAt: Date;
      answers: (Omit<
        typeof feedbackAnswers.$inferInsert,
        "invitationId" | "familyId" | "answeredAt"
      > & { answeredAt: Date })[];
    }) => {
      const invitation = await one(
        db
          .insert(feedbackInvitations)
          .values({
            familyId,
            episodeId: input.episodeId,
            occasion: input.occasion,
            reviewId: input.reviewId ?? null,
            offeredAt: input.offeredAt,
          })
          .returning(),
      );
      if (input.answers.length === 0) return;
      await db
        .insert(feedbackAnswers)
        .values(input.answers.map((a) => ({ ...a, invitationId: invitation.id, familyId })));
    },

    /** families.status mirrors the latest episode's status (and its closure). */
    mirrorLatestEpisode: async () => {
      const [latest] = await db
        .select()
        .from(episodes)
        .where(eq(episodes.familyId, familyId))
        .orderBy(desc(episodes.number))
        .limit(1);
      if (!latest) throw new Error("demo family has no episode");
      const closed = latest.status === "closed";
      await db
        .update(families)
        .set({
          status: familyStatusOf(latest.status),
          closedAt: closed ? latest.closedAt : null,
          closureReason: closed ? latest.closureReason : null,
          closureNote: closed ? latest.closureSummary : null,
        })
        .where(eq(families.id, familyId));
    },
  };
}
