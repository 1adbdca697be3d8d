import { z } from "zod";
import { safeText } from "../shared/text.schema";

/**
 * The record of a held meeting, beyond the plan version: who sent apologies,
 * who came and when, and attendees confirming or commenting afterwards.
 */

/** How long attendees have, after the meeting ends, to confirm its record or comment. */
export const recordResponseDays = 7;

export const recordResponseKinds = ["confirmed", "commented"] as const;
export type RecordResponseKind = (typeof recordResponseKinds)[number];

/** What the chair writes when someone cannot come. */
export const apologyReasonSchema = safeText({ max: 500 });
/** An attendee's comment on the record. */
export const recordCommentSchema = safeText({ max: 2000 });

/** Who sent apologies: a practitioner invited by account, or a family member by their record. */
export const apologyPersonSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("practitioner"), userId: z.uuid() }),
  z.strictObject({ kind: z.literal("family_member"), memberId: z.uuid() }),
]);
export type ApologyPerson = z.infer<typeof apologyPersonSchema>;

export function recordResponseDeadline(endedAt: Date): Date {
  return new Date(endedAt.getTime() + recordResponseDays * 24 * 60 * 60 * 1000);
}

export type RecordResponseRefusal =
  | "not_ended"
  | "not_attended"
  | "window_closed"
  | "already_confirmed";

/**
 * Whether this person may confirm or comment now: the meeting has ended, they
 * were in the room, the week has not passed, and a confirmation is given once.
 */
export function recordResponseRefusal(input: {
  endedAt: Date | null;
  attended: boolean;
  alreadyConfirmed: boolean;
  kind: RecordResponseKind;
  now: Date;
}): RecordResponseRefusal | null {
  if (!input.endedAt) return "not_ended";
  if (!input.attended) return "not_attended";
  if (input.now.getTime() > recordResponseDeadline(input.endedAt).getTime()) return "window_closed";
  if (input.kind === "confirmed" && input.alreadyConfirmed) return "already_confirmed";
  return null;
}

export const recordResponseRefusalMessages: Record<RecordResponseRefusal, string> = {
  not_ended: "The record can be confirmed once the meeting has ended.",
  not_attended: "Only the people who were at the meeting can confirm its record.",
  window_closed: "The time to confirm or comment on this record has passed.",
  already_confirmed: "You have already confirmed this record.",
};

export interface AttendanceRow {
  userId: string;
  name: string;
  role: string;
  agencyName: string | null;
  joinedAt: Date;
  leftAt: Date | null;
}

export interface AttendeeSpans {
  userId: string;
  name: string;
  role: string;
  agencyName: string | null;
  spans: { joinedAt: Date; leftAt: Date | null }[];
}

/** One entry per person, in the order they first joined, with every join and leave. */
export function attendanceByPerson(rows: readonly AttendanceRow[]): AttendeeSpans[] {
  const people = new Map<string, AttendeeSpans>();
  const sorted = [...rows].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  for (const row of sorted) {
    const person = people.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      role: row.role,
      agencyName: row.agencyName,
      spans: [],
    };
    person.spans.push({ joinedAt: row.joinedAt, leftAt: row.leftAt });
    people.set(row.userId, person);
  }
  return [...people.values()];
}

export interface MeetingWhen {
  id: string;
  state: "scheduled" | "live" | "ended" | "cancelled";
  scheduledFor: Date;
}

/**
 * The family's next meeting after this one: the earliest booked, live or held
 * meeting that starts after this one began; null when none is booked.
 */
export function nextMeetingAfter(
  meetings: readonly MeetingWhen[],
  meeting: { id: string; startedAt: Date | null; scheduledFor: Date },
): MeetingWhen | null {
  const from = (meeting.startedAt ?? meeting.scheduledFor).getTime();
  const later = meetings
    .filter((m) => m.id !== meeting.id && m.state !== "cancelled")
    .filter((m) => m.scheduledFor.getTime() > from)
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
  return later[0] ?? null;
}
