import { endMeeting } from "@teamaround/db";
import { authorize, type MeetingEnded, MeetingRefPayload } from "@teamaround/domain";
import { familyRoomsFor, meetingRoom } from "../../rooms";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "../load-meeting-access";
import type { EventHandler, MeetingContext } from "../meeting-context";

/**
 * `meeting:end`: the chair ends a live meeting. One transaction marks it
 * ended, closes attendance and stores the immutable plan version with its
 * hash (see `endMeeting`); then the room hears `meeting:ended` and is emptied.
 */
export const endMeetingEvent: EventHandler<MeetingEnded> = async (ctx, payload) => {
  const { socket } = ctx;
  const { meetingId } = MeetingRefPayload.parse(payload);
  assertJoined(socket, meetingId);
  const loaded = await loadMeetingAccess(ctx, socket, meetingId);
  assertMayBeInRoom(loaded);
  authorize(loaded.access, "meeting", "end");
  const { familyId } = loaded.meeting;
  const ended = await endMeeting(ctx.db, {
    familyId,
    meetingId,
    actor: socket.data.actor,
    now: ctx.now(),
    request: {
      ipAddress: socket.handshake.address || null,
      userAgent: socket.handshake.headers["user-agent"]?.slice(0, 300) ?? null,
    },
  });
  const result = { meetingId, versionId: ended.versionId, hash: ended.hash };
  ctx.io.to(meetingRoom(meetingId)).emit("meeting:ended", result);
  await emptyRoom(ctx, meetingId, familyId);
  return result;
};

/** Attendance is already closed by the end; sockets on this node forget the meeting and leave. */
async function emptyRoom(ctx: MeetingContext, meetingId: string, familyId: string) {
  const sockets = await ctx.io.in(meetingRoom(meetingId)).local.fetchSockets();
  for (const socket of sockets) {
    delete socket.data.meetings[meetingId];
    socket.leave(meetingRoom(meetingId));
    const stillInFamily = Object.values(socket.data.meetings).some((m) => m.familyId === familyId);
    if (!stillInFamily) for (const room of familyRoomsFor(familyId, true)) socket.leave(room);
  }
}
