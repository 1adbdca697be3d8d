import { randomUUID } from "node:crypto";
import {
  type DocumentSection,
  documentStateFromText,
  formatDocumentName,
  type MeetingKind,
  type ReviewVerdict,
  type TextBlock,
} from "@teamaround/domain";
import { count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { buildPlanVersionContent } from "../queries/plan-version-content";
import { planVersionHash } from "../queries/plan-version-hash";
import {
  documentSnapshots,
  meetingAttendance,
  meetingDecisions,
  meetingInvitees,
  meetings,
  planVersions,
  reviews,
} from "../schema";
import { isoDay } from "./demo-dates";

async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("demo row not inserted");
  return row;
}

export const initialAgenda = [
  "Welcome and introductions",
  "What is working well",
  "What we are worried about",
  "Outcomes and actions",
  "When we meet next",
];
export const reviewAgenda = [
  "What has changed since last time",
  "Scores for each area",
  "Actions: done and still to do",
  "Decision and next review",
];

const meetingMinutes = 75;

/** The plan document's sections in words, one block per paragraph or list. */
export type PlanWords = Partial<Record<DocumentSection<"plan">, TextBlock[]>>;

/** Meetings held, reviews recorded and the plan's words written, for a demo family. */
export function meetingBuilder(db: Executor, familyId: string) {
  return {
    /**
     * Writes the family's plan document whole (the words the team sees in the
     * plan and the meeting room). Writing it again replaces it: the seed runs
     * before anyone has opened it.
     */
    planDocument: async (sections: PlanWords) => {
      const documentName = formatDocumentName({ kind: "plan", familyId });
      const state = documentStateFromText("plan", sections);
      await db
        .insert(documentSnapshots)
        .values({ documentName, familyId, state, lastUpdateId: 0 })
        .onConflictDoUpdate({ target: documentSnapshots.documentName, set: { state } });
    },

    /**
     * A meeting that took place and ended, with who was invited and came, the
     * decisions recorded and the plan version it left (the plan as written
     * when the seed reached it).
     */
    heldMeeting: async (input: {
      kind: MeetingKind;
      at: Date;
      chairId: string;
      location: string;
      agenda: string[];
      practitionerIds: string[];
      memberIds: string[];
      decisions: string[];
    }) => {
      const endedAt = new Date(input.at.getTime() + meetingMinutes * 60_000);
      const meeting = await one(
        db
          .insert(meetings)
          .values({
            familyId,
            kind: input.kind,
            scheduledFor: input.at,
            location: input.location,
            chairUserId: input.chairId,
            state: "ended",
            agenda: input.agenda.map((title) => ({ id: randomUUID(), title })),
            startedAt: input.at,
            endedAt,
            createdBy: input.chairId,
            createdAt: new Date(input.at.getTime() - 10 * 86_400_000),
            updatedAt: endedAt,
          })
          .returning(),
      );
      const meetingId = meeting.id;
      await db
        .insert(meetingInvitees)
        .values([
          ...input.practitionerIds.map((userId) => ({ meetingId, familyId, userId })),
          ...input.memberIds.map((memberId) => ({ meetingId, familyId, memberId })),
        ]);
      await db.insert(meetingAttendance).values(
        input.practitionerIds.map((userId, i) => ({
          meetingId,
          familyId,
          userId,
          joinedAt: new Date(input.at.getTime() + i * 60_000),
          leftAt: endedAt,
        })),
      );
      if (input.decisions.length > 0) {
        await db.insert(meetingDecisions).values(
          input.decisions.map((text, i) => ({
            meetingId,
            familyId,
            text,
            recordedBy: input.chairId,
            recordedAt: new Date(input.at.getTime() + (20 + i * 10) * 60_000),
          })),
        );
      }
      await storePlanVersion(db, { ...meeting, endedAt });
      return meeting;
    },

    /** What a review meeting concluded: verdict, decision to continue or close, next review. */
    review: (input: {
      episodeId: string;
      meeting: { id: string; scheduledFor: Date };
      verdict: ReviewVerdict;
      decision: "continue" | "close";
      nextReviewOn: string | null;
      summary: string;
      recordedBy: string;
    }) =>
      one(
        db
          .insert(reviews)
          .values({
            familyId,
            episodeId: input.episodeId,
            meetingId: input.meeting.id,
            reviewedOn: isoDay(input.meeting.scheduledFor),
            verdict: input.verdict,
            decision: input.decision,
            nextReviewOn: input.nextReviewOn,
            summary: input.summary,
            recordedBy: input.recordedBy,
            recordedAt: new Date(input.meeting.scheduledFor.getTime() + meetingMinutes * 60_000),
          })
          .returning(),
      ),
  };
}

async function storePlanVersion(
  db: Executor,
  meeting: typeof meetings.$inferSelect & { endedAt: Date },
) {
  const { content, snapshots } = await buildPlanVersionContent(db, meeting);
  const [held] = await db
    .select({ n: count() })
    .from(planVersions)
    .where(eq(planVersions.familyId, meeting.familyId));
  await db.insert(planVersions).values({
    familyId: meeting.familyId,
    meetingId: meeting.id,
    number: (held?.n ?? 0) + 1,
    content,
    snapshots,
    contentHash: planVersionHash(content, snapshots),
    createdAt: meeting.endedAt,
  });
}
