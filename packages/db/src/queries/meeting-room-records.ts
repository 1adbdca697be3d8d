import type { Actor, AuditEventName } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import {
  auditEvents,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
  meetings,
} from "../schema";

/** Who did something over a live connection, as the audit log records them. */
export interface RealtimeSource {
  actor: Actor;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface RealtimeAuditEntry {
  /** `noun.verb`, e.g. `meeting.join`, `document.join`. */
  event: AuditEventName;
  familyId: string;
  resourceType: string;
  resourceId: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log as `source`; pass the transaction of the change it records. */
export async function recordRealtimeAudit(
  tx: Executor,
  source: RealtimeSource,
  entry: RealtimeAuditEntry,
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: source.actor.userId,
    actorRole: source.actor.role,
    event: entry.event,
    familyId: entry.familyId,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    ipAddress: source.ipAddress,
    userAgent: source.userAgent,
    details: entry.details ?? null,
  });
}

interface MeetingRef {
  meetingId: string;
  familyId: string;
}

/** One attendance row per join, audited as `meeting.join` in the same transaction. */
export async function insertAttendance(
  db: Database,
  source: RealtimeSource,
  input: MeetingRef & { joinedAt: Date },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingAttendance)
      .values({ ...input, userId: source.actor.userId })
      .returning({ id: meetingAttendance.id });
    if (!row) throw new Error("attendance not recorded");
    await recordRealtimeAudit(tx, source, {
      event: "meeting.join",
      familyId: input.familyId,
      resourceType: "meeting",
      resourceId: input.meetingId,
      details: { attendanceId: row.id },
    });
    return row;
  });
}

/**
 * Sets `left_at` on an attendance row still open; answers whether it was (the
 * meeting's end may have closed it already).
 */
export async function closeAttendance(
  db: Executor,
  input: { attendanceId: string; familyId: string; leftAt: Date },
): Promise<boolean> {
  const closed = await db
    .update(meetingAttendance)
    .set({ leftAt: input.leftAt })
    .where(
      and(
        eq(meetingAttendance.id, input.attendanceId),
        eq(meetingAttendance.familyId, input.familyId),
        isNull(meetingAttendance.leftAt),
      ),
    )
    .returning({ id: meetingAttendance.id });
  return closed.length > 0;
}

/** A chat message, stored with its `meeting.chat` audit event before anyone receives it. */
export async function insertChatMessage(
  db: Database,
  source: RealtimeSource,
  input: MeetingRef & { body: string; sentAt: Date },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingChatMessages)
      .values({ ...input, authorUserId: source.actor.userId })
      .returning({ id: meetingChatMessages.id });
    if (!row) throw new Error("chat message not saved");
    await recordRealtimeAudit(tx, source, {
      event: "meeting.chat",
      familyId: input.familyId,
      resourceType: "meeting_chat_message",
      resourceId: row.id,
      details: { meetingId: input.meetingId },
    });
    return row;
  });
}

/** A decision the chair recorded, with its `meeting.decision_record` audit event. */
export async function insertDecision(
  db: Database,
  source: RealtimeSource,
  input: MeetingRef & { text: string; recordedAt: Date },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingDecisions)
      .values({ ...input, recordedBy: source.actor.userId })
      .returning({ id: meetingDecisions.id });
    if (!row) throw new Error("decision not saved");
    await recordRealtimeAudit(tx, source, {
      event: "meeting.decision_record",
      familyId: input.familyId,
      resourceType: "meeting_decision",
      resourceId: row.id,
      details: { meetingId: input.meetingId },
    });
    return row;
  });
}

/**
 * Moves a live meeting to an agenda item (null: none), bumping its version,
 * audited as `meeting.agenda_set`. Answers false, changing nothing, when the
 * meeting is no longer live.
 */
export async function setAgendaItem(
  db: Database,
  source: RealtimeSource,
  input: MeetingRef & { agendaItemId: string | null; at: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(meetings)
      .set({
        currentAgendaItemId: input.agendaItemId,
        version: sql`${meetings.version} + 1`,
        updatedAt: input.at,
      })
      .where(
        and(
          eq(meetings.id, input.meetingId),
          eq(meetings.familyId, input.familyId),
          eq(meetings.state, "live"),
        ),
      )
      .returning({ id: meetings.id });
    if (updated.length === 0) return false;
    await recordRealtimeAudit(tx, source, {
      event: "meeting.agenda_set",
      familyId: input.familyId,
      resourceType: "meeting",
      resourceId: input.meetingId,
      details: { agendaItemId: input.agendaItemId },
    });
    return true;
  });
}
