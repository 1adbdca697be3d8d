import { z } from "@hono/zod-openapi";
import {
  agendaTitleSchema,
  dateTimeWithin,
  dateWindows,
  hasChanges,
  meetingDuration,
  meetingDurationSchema,
  meetingKinds,
  meetingLimits,
  meetingStates,
  noChangesIssue,
  safeLine,
  safeText,
} from "@teamaround/domain";
import { uuidParam, versionField } from "../http/openapi";
import { ApologySchema } from "./meeting-record.schema";

export const MeetingParams = z.object({
  familyId: uuidParam("familyId"),
  meetingId: uuidParam("meetingId"),
});

const dateTime = dateTimeWithin(dateWindows.meeting);

export const InviteeInput = z
  .union([z.strictObject({ userId: z.uuid() }), z.strictObject({ memberId: z.uuid() })])
  .describe("A practitioner in the team (userId) or a member of this family (memberId)");
export type InviteeInput = z.infer<typeof InviteeInput>;

const invitees = z
  .array(InviteeInput)
  .max(meetingLimits.invitees)
  .describe("The chair is always invited");
const durationMinutes = meetingDurationSchema.describe(
  `How long it lasts, in minutes: ${meetingDuration.min} to ${meetingDuration.max}, in steps of ${meetingDuration.step}`,
);
const location = safeLine({ min: 0, max: meetingLimits.location });
const notes = safeText({ min: 0, max: meetingLimits.notes });
const agendaItem = z.strictObject({
  id: z.uuid().optional().describe("An existing item's id keeps it; leave out for a new item"),
  title: agendaTitleSchema,
});
const agenda = z
  .array(agendaItem)
  .min(meetingLimits.agendaItems.min)
  .max(meetingLimits.agendaItems.max);

export const CreateMeetingBody = z
  .strictObject({
    kind: z.enum(meetingKinds),
    scheduledFor: dateTime.describe("In the future"),
    durationMinutes: durationMinutes
      .optional()
      .describe(
        `How long it lasts, in minutes: ${meetingDuration.min} to ${meetingDuration.max} in steps of ${meetingDuration.step} (${meetingDuration.default} when left out)`,
      ),
    location: location.optional(),
    notes: notes.optional(),
    agenda: z
      .array(z.strictObject({ title: agendaTitleSchema }))
      .min(meetingLimits.agendaItems.min)
      .max(meetingLimits.agendaItems.max),
    invitees,
  })
  .openapi("CreateMeeting");
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const UpdateMeetingBody = z
  .strictObject({
    version: versionField,
    scheduledFor: dateTime.optional().describe("In the future"),
    durationMinutes: durationMinutes
      .optional()
      .describe(
        `In minutes, ${meetingDuration.min} to ${meetingDuration.max} in steps of ${meetingDuration.step}; a new length tells invitees the meeting has moved`,
      ),
    location: location.nullable().optional(),
    notes: notes.nullable().optional(),
    agenda: agenda.optional().describe("Replaces the agenda"),
    invitees: invitees.optional().describe("Replaces the invitees"),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateMeeting");
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

export const MeetingStateChangeBody = z
  .strictObject({ version: versionField })
  .openapi("MeetingStateChange");

const InviteeSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("practitioner"),
      userId: z.uuid(),
      name: z.string(),
      agencyName: z.string().nullable(),
    }),
    z.object({ kind: z.literal("family_member"), memberId: z.uuid(), name: z.string() }),
  ])
  .openapi("MeetingInvitee");

const TimelinessSchema = z
  .object({
    status: z.enum(["on_time", "early", "late"]),
    dueFrom: z.string(),
    dueBy: z.string(),
    message: z.string(),
  })
  .openapi("MeetingTimeliness");

export const MeetingSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(meetingKinds),
    scheduledFor: z.string(),
    durationMinutes: z.int().describe("How long it lasts, in minutes"),
    location: z.string().nullable(),
    notes: z.string().nullable(),
    chair: z.object({ userId: z.uuid(), name: z.string() }),
    state: z.enum(meetingStates),
    agenda: z.array(z.object({ id: z.uuid(), title: z.string() })),
    currentAgendaItemId: z.uuid().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    version: z.number().int(),
    invitees: z.array(InviteeSchema),
    planVersionId: z.uuid().nullable().describe("The version stored when the meeting ended"),
    timeliness: TimelinessSchema.nullable().describe(
      "Whether the date keeps to the timescales: a warning, never a refusal",
    ),
  })
  .openapi("Meeting");

export const MeetingDetailSchema = MeetingSchema.extend({
  attendance: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      agencyName: z.string().nullable(),
      joinedAt: z.string(),
      leftAt: z.string().nullable(),
    }),
  ),
  chat: z.array(
    z.object({
      id: z.uuid(),
      authorUserId: z.uuid(),
      authorName: z.string(),
      body: z.string(),
      sentAt: z.string(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      recordedBy: z.uuid(),
      recordedByName: z.string(),
      recordedAt: z.string(),
    }),
  ),
  apologies: z.array(ApologySchema).describe("Invitees who cannot come (reasons: staff only)"),
}).openapi("MeetingDetail");

export const NextMeetingDueSchema = z
  .object({
    kind: z.enum(["initial", "review"]),
    from: z.string(),
    by: z.string(),
    overdue: z.boolean().describe("Past the date with no meeting held: drift"),
    scheduled: z.boolean().describe("A meeting is already scheduled or live"),
  })
  .openapi("NextMeetingDue");
