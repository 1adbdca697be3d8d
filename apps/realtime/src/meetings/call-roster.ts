import { closeCallAttendance } from "@teamaround/db";
import type { CallPeer, JoinedMeeting } from "@teamaround/domain";
import { meetingRoom } from "../rooms";
import type { MeetingContext, MeetingIo, MeetingSocket } from "./meeting-context";

/** A connection in a meeting's call, found on any node: its socket id and its peer. */
export interface CallMember {
  socketId: string;
  peer: CallPeer;
}

/** Who is in a meeting's call, from the sockets in its room (on every node), chair first. */
export async function callMembersOf(io: MeetingIo, meetingId: string): Promise<CallMember[]> {
  const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
  const members: CallMember[] = [];
  for (const socket of sockets) {
    const joined = socket.data.meetings?.[meetingId];
    if (!joined?.call) continue;
    const { peerId, muted, cameraOff, audioOnly, speaking } = joined.call;
    members.push({
      socketId: socket.id,
      peer: {
        peerId,
        userId: socket.data.actor.userId,
        name: socket.data.displayName,
        isChair: joined.role === "lead_professional",
        muted,
        cameraOff,
        audioOnly,
        speaking,
      },
    });
  }
  return members.sort(
    (a, b) =>
      Number(b.peer.isChair) - Number(a.peer.isChair) || a.peer.name.localeCompare(b.peer.name),
  );
}

export async function callPeersOf(io: MeetingIo, meetingId: string): Promise<CallPeer[]> {
  return (await callMembersOf(io, meetingId)).map((member) => member.peer);
}

/** Tells everyone in the room who is in the call now. */
export async function broadcastCall(io: MeetingIo, meetingId: string): Promise<void> {
  const peers = await callPeersOf(io, meetingId);
  io.to(meetingRoom(meetingId)).emit("call:update", { meetingId, peers });
}

/**
 * Takes one connection out of a meeting's call: its call attendance closed
 * first, then the others told to close their peer connection to it and who
 * is left. Used by `call:leave`, leaving the room, disconnects and revocation.
 */
export async function leaveCall(
  ctx: MeetingContext,
  socket: Pick<MeetingSocket, "data">,
  meetingId: string,
  joined: JoinedMeeting | undefined = socket.data.meetings?.[meetingId],
): Promise<void> {
  const call = joined?.call;
  if (!joined || !call) return;
  delete joined.call;
  await closeCallAttendance(ctx.db, {
    attendanceId: call.attendanceId,
    familyId: joined.familyId,
    leftAt: ctx.now(),
  });
  ctx.io.to(meetingRoom(meetingId)).emit("call:peer-left", { meetingId, peerId: call.peerId });
  await broadcastCall(ctx.io, meetingId);
}
