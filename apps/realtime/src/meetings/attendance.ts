import { type Database, meetingAttendance } from "@teamaround/db";
import { and, eq, isNull } from "drizzle-orm";
import { auditSocket } from "./audit";
import type { MeetingSocket } from "./meeting-context";

/** Records a join (one attendance row per join) and audits it, together. */
export async function recordJoin(
  db: Database,
  socket: MeetingSocket,
  input: { meetingId: string; familyId: string; at: Date },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetingAttendance)
      .values({
        meetingId: input.meetingId,
        familyId: input.familyId,
        userId: socket.data.actor.userId,
        joinedAt: input.at,
      })
      .returning({ id: meetingAttendance.id });
    if (!row) throw new Error("attendance not recorded");
    await auditSocket(tx, socket, {
      event: "meeting.join",
      familyId: input.familyId,
      resourceType: "meeting",
      resourceId: input.meetingId,
      details: { attendanceId: row.id },
    });
    return row.id;
  });
}

/** Sets `left_at` on an attendance row still open (the meeting's end may have closed it already). */
export async function recordLeave(
  db: Database,
  input: { attendanceId: string; familyId: string; at: Date },
): Promise<void> {
  await db
    .update(meetingAttendance)
    .set({ leftAt: input.at })
    .where(
      and(
        eq(meetingAttendance.id, input.attendanceId),
        eq(meetingAttendance.familyId, input.familyId),
        isNull(meetingAttendance.leftAt),
      ),
    );
}
