import { z } from "zod";
import { FamilyChangedEvent, type FamilyChangeResource } from "../events/realtime-events";
import { safeLine, safeText } from "../shared/text.schema";

/** Kinds of TAC meeting: the first one, reviews, and the one that closes the plan. */
export const meetingKinds = ["initial", "review", "closing"] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** scheduled → live → ended; a scheduled meeting may instead be cancelled. */
export const meetingStates = ["scheduled", "live", "ended", "cancelled"] as const;
export type MeetingState = (typeof meetingStates)[number];

export const meetingLimits = {
  agendaItems: { min: 1, max: 20 },
  agendaTitle: 200,
  invitees: 50,
  chatBody: 2000,
  decisionText: 2000,
  location: 200,
  notes: 2000,
} as const;

/**
 * How long a meeting lasts, in minutes: half an hour to three hours, in
 * quarter hours; an hour unless the person booking it says otherwise (and
 * for every meeting booked before meetings had a length).
 */
export const meetingDuration = { min: 30, max: 180, step: 15, default: 60 } as const;

export const meetingDurationSchema = z
  .int()
  .min(meetingDuration.min)
  .max(meetingDuration.max)
  .multipleOf(meetingDuration.step, { message: "must be a whole number of quarter hours" });

/** Every length a meeting may have, shortest first (for the booking and moving forms). */
export const meetingDurationChoices: readonly number[] = Array.from(
  { length: (meetingDuration.max - meetingDuration.min) / meetingDuration.step + 1 },
  (_, i) => meetingDuration.min + i * meetingDuration.step,
);

export interface AgendaItem {
  id: string;
  title: string;
}

export const agendaTitleSchema = safeLine({ max: meetingLimits.agendaTitle });

const meetingId = z.uuid({ message: "meetingId must be a UUID" });

/** Payloads of the client events. Types are not validation: every handler parses with these. */
export const MeetingRefPayload = z.strictObject({ meetingId });
export type MeetingRefPayload = z.infer<typeof MeetingRefPayload>;

/** Node to node (see `InterServerEvents`): a meeting that ended, for every node's sockets to forget. */
export const MeetingEmptied = z.strictObject({ meetingId, familyId: z.uuid() });
export type MeetingEmptied = z.infer<typeof MeetingEmptied>;

export const AgendaSetPayload = z.strictObject({
  meetingId,
  /** null clears the current item. */
  agendaItemId: z.uuid().nullable(),
});
export type AgendaSetPayload = z.infer<typeof AgendaSetPayload>;

export const HandLowerPayload = z.strictObject({
  meetingId,
  /** The chair may lower someone else's hand; anyone else only their own. */
  userId: z.uuid().optional(),
});
export type HandLowerPayload = z.infer<typeof HandLowerPayload>;

export const ChatSendPayload = z.strictObject({
  meetingId,
  body: safeText({ max: meetingLimits.chatBody }),
});
export type ChatSendPayload = z.infer<typeof ChatSendPayload>;

export const DecisionRecordPayload = z.strictObject({
  meetingId,
  text: safeText({ max: meetingLimits.decisionText }),
});
export type DecisionRecordPayload = z.infer<typeof DecisionRecordPayload>;

/**
 * A live notice that something in the family changed through the API: the
 * API's `family.changed` event as the room receives it. It names the record,
 * never its content; clients re-read through the API, which applies the policy.
 */
export const Notice = FamilyChangedEvent.omit({ type: true, familySeenBy: true });
export type Notice = z.infer<typeof Notice>;

/**
 * Notices about records not every insider may see go to staff only: register
 * entries hidden from the family, lawful-basis decisions (which the family
 * may not have been told about), follow-ups after closure and the feedback
 * answers (the family does not read either). A family watching its page after
 * closure hears of nothing it may not read.
 */
export const staffOnlyNoticeResources: readonly FamilyChangeResource[] = [
  "sharing",
  "lawful_basis",
  "follow_up",
  "feedback",
];
