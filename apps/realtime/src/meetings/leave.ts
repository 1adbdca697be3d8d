import { closeAttendance } from "@teamaround/db";
import { familyRoomsFor, meetingRoom } from "../rooms";
import type { MeetingContext, MeetingSocket } from "./meeting-context";
import { broadcastPresence } from "./presence";

/**
 * Takes a socket out of a meeting: out of its room (and its family's room
 * when no other meeting of that family holds it), attendance closed, and
 * everyone left told who is still there.
 */
export async function leaveMeeting(
  ctx: MeetingContext,
  socket: MeetingSocket,
  meetingId: string,
): Promise<void> {
  const joined = socket.data.meetings[meetingId];
  if (!joined) return;
  delete socket.data.meetings[meetingId];
  await socket.leave(meetingRoom(meetingId));
  const stillInFamily = Object.values(socket.data.meetings).some(
    (m) => m.familyId === joined.familyId,
  );
  if (!stillInFamily) {
    for (const room of familyRoomsFor(joined.familyId, true)) await socket.leave(room);
  }
  await closeAttendance(ctx.db, {
    attendanceId: joined.attendanceId,
    familyId: joined.familyId,
    leftAt: ctx.now(),
  });
  await broadcastPresence(ctx.io, meetingId);
}

/** After a disconnect (rooms already left): close each attendance and update presence. */
export async function afterDisconnect(ctx: MeetingContext, socket: MeetingSocket): Promise<void> {
  const joined = Object.entries(socket.data.meetings ?? {});
  socket.data.meetings = {};
  for (const [meetingId, meeting] of joined) {
    await closeAttendance(ctx.db, {
      attendanceId: meeting.attendanceId,
      familyId: meeting.familyId,
      leftAt: ctx.now(),
    });
    await broadcastPresence(ctx.io, meetingId);
  }
}
