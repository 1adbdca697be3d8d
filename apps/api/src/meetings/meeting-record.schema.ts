import { z } from "@hono/zod-openapi";
import {
  actionStatuses,
  apologyPersonSchema,
  apologyReasonSchema,
  meetingKinds,
  meetingStates,
  recordCommentSchema,
  recordResponseKinds,
  userRoles,
} from "@teamaround/domain";

export const ApologySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["practitioner", "family_member"]),
    name: z.string(),
    agencyName: z.string().nullable(),
    reason: z.string().nullable().describe("Staff only; null for the family"),
    recordedByName: z.string(),
    recordedAt: z.string(),
  })
  .openapi("MeetingApology");

export const RecordApologyBody = z
  .strictObject({
    person: apologyPersonSchema.describe("An invitee: a practitioner or a member of this family"),
    reason: apologyReasonSchema.describe("Why they cannot come, in a few words"),
  })
  .openapi("RecordApologyBody");

export const RecordResponseBody = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("confirmed") }),
    z.strictObject({ kind: z.literal("commented"), comment: recordCommentSchema }),
  ])
  .openapi("RecordResponseBody");

const RecordResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fromFamily: z.boolean(),
    kind: z.enum(recordResponseKinds),
    comment: z.string().nullable(),
    respondedAt: z.string(),
  })
  .openapi("MeetingRecordResponse");

export const MeetingRecordSchema = z
  .object({
    meeting: z.object({
      id: z.uuid(),
      kind: z.enum(meetingKinds),
      scheduledFor: z.string().describe("The booked time"),
      durationMinutes: z.int(),
      location: z.string().nullable(),
      startedAt: z.string().nullable().describe("When the chair started it"),
      endedAt: z.string().describe("When the chair ended it"),
      chair: z.object({ userId: z.uuid(), name: z.string() }),
    }),
    version: z.object({
      id: z.uuid(),
      number: z.int(),
      hash: z.string().describe("SHA-256 of the canonical JSON of { content, snapshots }"),
      unchanged: z.boolean().describe("The stored record still matches its hash"),
    }),
    attendance: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        role: z.enum(userRoles),
        chair: z.boolean(),
        agencyName: z.string().nullable(),
        spans: z.array(z.object({ joinedAt: z.string(), leftAt: z.string().nullable() })),
      }),
    ),
    apologies: z.array(ApologySchema),
    decisions: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        recordedByName: z.string(),
        recordedAt: z.string(),
      }),
    ),
    actionsAgreed: z
      .array(
        z.object({
          id: z.uuid(),
          text: z.string(),
          dueDate: z.string(),
          status: z.enum(actionStatuses),
          owners: z.array(z.object({ name: z.string(), agencyName: z.string().nullable() })),
        }),
      )
      .describe("Actions created while the meeting was live, as they stood when it ended"),
    nextMeeting: z
      .object({ id: z.uuid(), scheduledFor: z.string(), state: z.enum(meetingStates) })
      .nullable()
      .describe("The family's next meeting booked after this one"),
    nextReviewBy: z.string().nullable().describe("The next review date the chair recorded"),
    responses: z.object({
      respondBy: z.string(),
      open: z.boolean().describe("The week to confirm or comment has not passed"),
      entries: z.array(RecordResponseSchema),
      mine: z.object({
        mayRespond: z.boolean(),
        confirmed: z.boolean(),
        refusal: z.string().nullable().describe("Why you may not respond now, in plain words"),
      }),
    }),
  })
  .openapi("MeetingRecord");
