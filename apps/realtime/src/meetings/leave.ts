import { closeAttendance } from "@teamaround/db";
import { familyRoomsFor, meetingRoom } from "../rooms";
import { forgetMeetingAccess } from "./access-cache";
import { leaveCall } from "./call-roster";
import { broadcastLobby, leaveLobby } from "./lobby";
import type { MeetingContext, MeetingSocket } from "./meeting-context";
import { broadcastPresence } from "./presence";

/**
 * Takes a socket out of a meeting: out of its room (and its family's rooms
 * when no other meeting of that family holds it and it does not watch the
 * family), attendance closed, and
 * everyone left told who is still there.
 */
export async function leaveMeeting(
  ctx: MeetingContext,
  socket: MeetingSocket,
  meetingId: string,
): Promise<void> {
  await leaveLobby(ctx, socket, meetingId);
  const joined = socket.data.meetings[meetingId];
  if (!joined) return;
  await leaveCall(ctx, socket, meetingId, joined);
  delete socket.data.meetings[meetingId];
  forgetMeetingAccess(socket, meetingId);
  await socket.leave(meetingRoom(meetingId));
  const stillInFamily =
    socket.data.watching.includes(joined.familyId) ||
    Object.values(socket.data.meetings).some((m) => m.familyId === joined.familyId);
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
  const waitingIn = socket.data.waitingIn ?? [];
  socket.data.meetings = {};
  socket.data.waitingIn = [];
  forgetMeetingAccess(socket);
  for (const meetingId of waitingIn) await broadcastLobby(ctx.io, meetingId);
  for (const [meetingId, meeting] of joined) {
    // Ends this connection's media with the others too (revocation disconnects the socket).
    await leaveCall(ctx, socket, meetingId, meeting);
    await closeAttendance(ctx.db, {
      attendanceId: meeting.attendanceId,
      familyId: meeting.familyId,
      leftAt: ctx.now(),
    });
    await broadcastPresence(ctx.io, meetingId);
  }
}
