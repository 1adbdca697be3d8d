import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { meetingCallAttendance, meetingLobbyAdmissions } from "../schema";
import { type RealtimeSource, recordRealtimeAudit } from "./meeting-room-records";

interface MeetingRef {
  meetingId: string;
  familyId: string;
}

/** One row per join of a meeting's call, audited as `meeting.call_join` in the same transaction. */
export async function insertCallAttendance(
  db: Database,
  source: RealtimeSource,
  input: MeetingRef & { joinedAt: Date; audioOnly: boolean },
): Promise<{ id: string }> {
  const { audioOnly, ...row } = input;
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(meetingCallAttendance)
      .values({ ...row, userId: source.actor.userId })
      .returning({ id: meetingCallAttendance.id });
    if (!inserted) throw new Error("call attendance not recorded");
    await recordRealtimeAudit(tx, source, {
      event: "meeting.call_join",
      familyId: input.familyId,
      resourceType: "meeting",
      resourceId: input.meetingId,
      details: { callAttendanceId: inserted.id, audioOnly },
    });
    return inserted;
  });
}

/** Sets `left_at` on a call attendance row still open; answers whether it was. */
export async function closeCallAttendance(
  db: Executor,
  input: { attendanceId: string; familyId: string; leftAt: Date },
): Promise<boolean> {
  const closed = await db
    .update(meetingCallAttendance)
    .set({ leftAt: input.leftAt })
    .where(
      and(
        eq(meetingCallAttendance.id, input.attendanceId),
        eq(meetingCallAttendance.familyId, input.familyId),
        isNull(meetingCallAttendance.leftAt),
      ),
    )
    .returning({ id: meetingCallAttendance.id });
  return closed.length > 0;
}

/** When the meeting ends, everyone still in its call leaves it (on every node). */
export async function closeMeetingCall(
  db: Executor,
  input: MeetingRef & { leftAt: Date },
): Promise<void> {
  await db
    .update(meetingCallAttendance)
    .set({ leftAt: input.leftAt })
    .where(
      and(
        eq(meetingCallAttendance.meetingId, input.meetingId),
        eq(meetingCallAttendance.familyId, input.familyId),
        isNull(meetingCallAttendance.leftAt),
      ),
    );
}

/** Who was in a meeting's call and when, in the order they joined. */
export async function listCallAttendance(db: Executor, familyId: string, meetingId: string) {
  return db
    .select({
      userId: meetingCallAttendance.userId,
      joinedAt: meetingCallAttendance.joinedAt,
      leftAt: meetingCallAttendance.leftAt,
    })
    .from(meetingCallAttendance)
    .where(
      and(
        eq(meetingCallAttendance.familyId, familyId),
        eq(meetingCallAttendance.meetingId, meetingId),
      ),
    )
    .orderBy(meetingCallAttendance.joinedAt);
}

/** Whether the chair has let this person into the meeting from its lobby. */
export async function isAdmittedFromLobby(
  db: Executor,
  input: MeetingRef & { userId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: meetingLobbyAdmissions.id })
    .from(meetingLobbyAdmissions)
    .where(
      and(
        eq(meetingLobbyAdmissions.meetingId, input.meetingId),
        eq(meetingLobbyAdmissions.familyId, input.familyId),
        eq(meetingLobbyAdmissions.userId, input.userId),
      ),
    );
  return row !== undefined;
}

/**
 * The chair lets someone in from the lobby (`meeting.lobby_admit`) or turns
 * them away (`meeting.lobby_decline`, nothing else kept): stored with its
 * audit event before the person is told.
 */
export async function recordLobbyDecision(
  db: Database,
  source: RealtimeSource,
  input: MeetingRef & { userId: string; admit: boolean; at: Date },
): Promise<void> {
  const { admit, at, ...ref } = input;
  await db.transaction(async (tx) => {
    if (admit) {
      await tx
        .insert(meetingLobbyAdmissions)
        .values({ ...ref, admittedBy: source.actor.userId, admittedAt: at })
        .onConflictDoNothing();
    }
    await recordRealtimeAudit(tx, source, {
      event: admit ? "meeting.lobby_admit" : "meeting.lobby_decline",
      familyId: input.familyId,
      resourceType: "meeting",
      resourceId: input.meetingId,
      details: { userId: input.userId },
    });
  });
}
