import type { Actor, AuditEventName } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { builtOnce } from "../built-once";
import type { Database, Executor } from "../client";
import {
  auditEvents,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
  meetings,
} from "../schema";
import { executeRows } from "./execute-rows";

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
  await insertRealtimeAudit(tx).execute({
    actorId: source.actor.userId,
    actorRole: source.actor.role,
    event: entry.event,
    familyId: entry.familyId,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    ipAddress: source.ipAddress,
    userAgent: source.userAgent,
    // A bare placeholder, not the column's encoder, which would store JSON null for "no details".
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}

/** One per Yjs connection and meeting join: built once. */
const insertRealtimeAudit = builtOnce((db) =>
  db
    .insert(auditEvents)
    .values({
      actorId: sql.placeholder("actorId"),
      actorRole: sql.placeholder("actorRole"),
      event: sql.placeholder("event"),
      familyId: sql.placeholder("familyId"),
      resourceType: sql.placeholder("resourceType"),
      resourceId: sql.placeholder("resourceId"),
      ipAddress: sql.placeholder("ipAddress"),
      userAgent: sql.placeholder("userAgent"),
      details: sql`${sql.placeholder("details")}`,
    })
    .prepare("insert_realtime_audit"),
);

interface MeetingRef {
  meetingId: string;
  familyId: string;
}

/**
 * One attendance row per join with its `meeting.join` audit event, in one
 * statement (a data-modifying CTE, like the chat message's): one round trip
 * and one commit for each person joining.
 */
export async function insertAttendance(
  db: Executor,
  source: RealtimeSource,
  input: MeetingRef & { joinedAt: Date },
): Promise<{ id: string }> {
  const { actor } = source;
  const [row] = await executeRows<{ id: string }>(
    db,
    sql`with attendance as (
        insert into ${meetingAttendance} (meeting_id, family_id, user_id, joined_at)
        values (${input.meetingId}::uuid, ${input.familyId}::uuid, ${actor.userId}::uuid,
          ${input.joinedAt.toISOString()}::timestamptz)
        returning id
      ),
      audited as (
        insert into ${auditEvents}
          (actor_id, actor_role, event, family_id, resource_type, resource_id,
           ip_address, user_agent, details)
        select ${actor.userId}::uuid, ${actor.role}::user_role, 'meeting.join',
          ${input.familyId}::uuid, 'meeting', ${input.meetingId}::text,
          ${source.ipAddress}, ${source.userAgent},
          jsonb_build_object('attendanceId', attendance.id::text)
        from attendance
      )
      select id::text as id from attendance`,
  );
  if (!row) throw new Error("attendance not recorded");
  return row;
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

/**
 * A chat message, stored with its `meeting.chat` audit event before anyone
 * receives it, in one statement (a data-modifying CTE): one round trip and
 * one commit, with the meeting's state checked in the same snapshot as the
 * write. Null, writing nothing, when the meeting is not live (or not the
 * family's): a message can never land in a meeting that ended after the
 * sender's access was read.
 */
export async function insertChatMessage(
  db: Executor,
  source: RealtimeSource,
  input: MeetingRef & { body: string; sentAt: Date },
): Promise<{ id: string } | null> {
  const [row] = await executeRows<{ id: string }>(
    db,
    sql`with live as (
        select ${meetings.id} as id from ${meetings}
        where ${meetings.id} = ${input.meetingId} and ${meetings.familyId} = ${input.familyId}
          and ${meetings.state} = 'live'
      ),
      message as (
        insert into ${meetingChatMessages}
          (meeting_id, family_id, author_user_id, body, sent_at)
        select live.id, ${input.familyId}::uuid, ${source.actor.userId}::uuid, ${input.body},
          ${input.sentAt.toISOString()}::timestamptz
        from live
        returning id
      ),
      audited as (
        insert into ${auditEvents}
          (actor_id, actor_role, event, family_id, resource_type, resource_id,
           ip_address, user_agent, details)
        select ${source.actor.userId}::uuid, ${source.actor.role}::user_role, 'meeting.chat',
          ${input.familyId}::uuid,
          'meeting_chat_message', message.id::text, ${source.ipAddress}, ${source.userAgent},
          jsonb_build_object('meetingId', ${input.meetingId}::text)
        from message
      )
      select id from message`,
  );
  return row ?? null;
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
