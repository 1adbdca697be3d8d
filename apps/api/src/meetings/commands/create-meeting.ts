import { randomUUID } from "node:crypto";
import { enqueueMeetingNotices, meetingInvitees, meetings } from "@teamaround/db";
import { AppError, meetingDuration } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import type { CreateMeetingBody } from "../meetings.schema";
import { inviteeRows, validateInvitees } from "./validate-invitees";

/** A date and time in the future, else 422 naming the field. */
export function assertFuture(value: string, now: Date, path: string): Date {
  const at = new Date(value);
  if (at.getTime() <= now.getTime()) {
    throw new AppError("unprocessable", "A meeting must be scheduled in the future.", [
      { path, message: "must be in the future" },
    ]);
  }
  return at;
}

/**
 * Schedules a meeting chaired by the caller (the lead professional), with its
 * invitees, and writes each invitee's calendar invitation in the same transaction.
 */
export async function createMeeting(
  c: Context<ApiEnv>,
  input: { familyId: string; chairUserId: string; body: CreateMeetingBody },
): Promise<string> {
  const { familyId, chairUserId, body } = input;
  const { db, now } = c.var.deps;
  const scheduledFor = assertFuture(body.scheduledFor, now(), "scheduledFor");
  const invitees = await validateInvitees(db, familyId, chairUserId, body.invitees);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        familyId,
        kind: body.kind,
        scheduledFor,
        ...(body.durationMinutes !== undefined ? { durationMinutes: body.durationMinutes } : {}),
        location: body.location || null,
        notes: body.notes || null,
        chairUserId,
        agenda: body.agenda.map((item) => ({ id: randomUUID(), title: item.title })),
        createdBy: chairUserId,
      })
      .returning({ id: meetings.id });
    if (!row) throw new AppError("internal", "The meeting was not saved.");
    await tx.insert(meetingInvitees).values(inviteeRows(familyId, row.id, invitees));
    // Everyone invited gets the calendar invitation, written with the meeting.
    await enqueueMeetingNotices(tx, {
      familyId,
      meetingId: row.id,
      event: { change: "booked" },
      createdBy: chairUserId,
      now: now(),
    });
    await recordAudit(tx, c, {
      event: "meeting.schedule",
      familyId,
      resourceType: "meeting",
      resourceId: row.id,
      details: {
        kind: body.kind,
        durationMinutes: body.durationMinutes ?? meetingDuration.default,
        invitedPractitioners: invitees.userIds.length,
        invitedFamilyMembers: invitees.memberIds.length,
      },
    });
    return row.id;
  });
}
