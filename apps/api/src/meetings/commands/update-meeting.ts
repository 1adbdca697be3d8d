import { randomUUID } from "node:crypto";
import {
  enqueueMeetingNotices,
  getMeeting,
  type MeetingInviteeRef,
  type MeetingNoticeEvent,
  type MeetingRow,
  meetingInvitees,
  meetings,
} from "@teamaround/db";
import { type AgendaItem, AppError, notFound } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import { updateVersioned } from "../../shared/versioned-update";
import type { UpdateMeetingBody } from "../meetings.schema";
import { assertFuture } from "./create-meeting";
import { inviteeRows, validateInvitees } from "./validate-invitees";

/**
 * Reschedules a scheduled meeting (its time or length) or changes its agenda,
 * place, notes or invitees.
 */
export async function updateMeeting(
  c: Context<ApiEnv>,
  input: { familyId: string; meetingId: string; body: UpdateMeetingBody },
): Promise<void> {
  const { familyId, meetingId, body } = input;
  const { db, now } = c.var.deps;
  const { version, invitees: newInvitees, ...rest } = body;
  const meeting = await getMeeting(db, familyId, meetingId);
  if (!meeting) throw notFound("That meeting");
  assertScheduled(meeting, "changed");
  const values: Record<string, unknown> = {};
  if (rest.scheduledFor !== undefined) {
    values.scheduledFor = assertFuture(rest.scheduledFor, now(), "scheduledFor");
  }
  if (rest.durationMinutes !== undefined) values.durationMinutes = rest.durationMinutes;
  if (rest.location !== undefined) values.location = rest.location || null;
  if (rest.notes !== undefined) values.notes = rest.notes || null;
  if (rest.agenda !== undefined) values.agenda = nextAgenda(meeting.agenda, rest.agenda);
  const invitees =
    newInvitees && (await validateInvitees(db, familyId, meeting.chairUserId, newInvitees));
  await db.transaction(async (tx) => {
    await updateVersioned(
      tx,
      meetings,
      { id: meetingId, scope: eq(meetings.familyId, familyId), expectedVersion: version },
      values,
    );
    let before: MeetingInviteeRef[] | undefined;
    if (invitees) {
      const scope = and(
        eq(meetingInvitees.meetingId, meetingId),
        eq(meetingInvitees.familyId, familyId),
      );
      const removed = await tx
        .delete(meetingInvitees)
        .where(scope)
        .returning({ userId: meetingInvitees.userId, memberId: meetingInvitees.memberId });
      before = removed.map((r) =>
        r.userId ? { userId: r.userId } : { memberId: r.memberId ?? "" },
      );
      await tx.insert(meetingInvitees).values(inviteeRows(familyId, meetingId, invitees));
    }
    const event = calendarEvent(meeting, values, before);
    if (event) {
      await enqueueMeetingNotices(tx, {
        familyId,
        meetingId,
        event,
        createdBy: c.var.actor?.userId ?? null,
        now: now(),
      });
    }
    const changed = [...Object.keys(values), ...(invitees ? ["invitees"] : [])];
    await recordAudit(tx, c, {
      event: "meeting.update",
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
      details: { changed },
    });
  });
}

/**
 * What invitees hear of an update: a move — another start or another length,
 * since both change the calendar entry — to everyone (newcomers invited), or
 * a change of who is invited (the added and the removed). A new agenda,
 * place or notes is not in the calendar entry, so it sends nothing.
 */
function calendarEvent(
  meeting: MeetingRow,
  values: { scheduledFor?: unknown; durationMinutes?: unknown },
  before: MeetingInviteeRef[] | undefined,
): MeetingNoticeEvent | null {
  const { scheduledFor, durationMinutes } = values;
  const moved =
    (scheduledFor instanceof Date && scheduledFor.getTime() !== meeting.scheduledFor.getTime()) ||
    (typeof durationMinutes === "number" && durationMinutes !== meeting.durationMinutes);
  if (moved) return before ? { change: "moved", before } : { change: "moved" };
  return before ? { change: "invitees", before } : null;
}

export function assertScheduled(meeting: MeetingRow, verb: string): void {
  if (meeting.state !== "scheduled") {
    throw new AppError(
      "conflict",
      `Only a scheduled meeting can be ${verb}; this one is ${meeting.state}.`,
    );
  }
}

/** Items naming an id keep it (it must be one of the agenda's); new items get one. */
function nextAgenda(current: AgendaItem[], items: { id?: string; title: string }[]): AgendaItem[] {
  const known = new Set(current.map((item) => item.id));
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    if (!known.has(item.id))
      problems.push({ path: `agenda.${index}.id`, message: "is not an item of this agenda" });
    else if (seen.has(item.id))
      problems.push({ path: `agenda.${index}.id`, message: "is listed more than once" });
    seen.add(item.id);
  });
  if (problems.length > 0) {
    throw new AppError("unprocessable", "The agenda names an item it does not have.", problems);
  }
  return items.map((item) => ({ id: item.id ?? randomUUID(), title: item.title }));
}
