import { closeMeetingCall, endMeeting } from "@teamaround/db";
import type { MeetingEmptied } from "@teamaround/domain";
import { familyRoomsFor, lobbyRoom, meetingRoom } from "../../rooms";
import { sourceOf } from "../audit";
import type { MeetingIo, RoomEventHandler } from "../meeting-context";

/**
 * `meeting:end`: the chair ends a live meeting. One transaction marks it
 * ended, closes attendance and stores the immutable plan version with its
 * hash (see `endMeeting`); then the room hears `meeting:ended` and is emptied.
 */
export const endMeetingEvent: RoomEventHandler<"meeting:end"> = async (
  ctx,
  { meetingId },
  { meeting },
) => {
  const { familyId } = meeting;
  const { actor, ...request } = sourceOf(ctx.socket);
  const ended = await endMeeting(ctx.db, { familyId, meetingId, actor, now: ctx.now(), request });
  // Everyone still in the call leaves it with the meeting (on every node).
  await closeMeetingCall(ctx.db, { meetingId, familyId, leftAt: ctx.now() });
  const result = { meetingId, versionId: ended.versionId, hash: ended.hash };
  ctx.io.to([meetingRoom(meetingId), lobbyRoom(meetingId)]).emit("meeting:ended", result);
  ctx.io.in(lobbyRoom(meetingId)).socketsLeave(lobbyRoom(meetingId));
  await forgetEndedMeeting(ctx.io, { meetingId, familyId });
  // Every other node does the same for its own sockets.
  if (ctx.config.sharedAcrossNodes)
    ctx.io.serverSideEmit("meeting:emptied", { meetingId, familyId });
  return result;
};

/**
 * Attendance is already closed by the end; sockets on this node forget the
 * meeting and leave its room, and the family's rooms unless another meeting
 * of the family holds them there. Without it a socket on another node kept
 * the meeting in `socket.data` and the family's live notices after the end.
 */
export async function forgetEndedMeeting(io: MeetingIo, { meetingId, familyId }: MeetingEmptied) {
  const sockets = await io.in(meetingRoom(meetingId)).local.fetchSockets();
  for (const socket of sockets) {
    // Sockets fetched locally are the live sockets, so these changes hold.
    delete socket.data.meetings[meetingId];
    socket.leave(meetingRoom(meetingId));
    const stillInFamily = Object.values(socket.data.meetings).some((m) => m.familyId === familyId);
    if (!stillInFamily) for (const room of familyRoomsFor(familyId, true)) socket.leave(room);
  }
}
