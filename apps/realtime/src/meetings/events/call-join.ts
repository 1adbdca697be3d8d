import { randomUUID } from "node:crypto";
import { closeCallAttendance, insertCallAttendance } from "@teamaround/db";
import { AppError, callLimits } from "@teamaround/domain";
import { sourceOf } from "../audit";
import { broadcastCall, callMembersOf, callPeersOf } from "../call-roster";
import { iceServersFor } from "../ice-servers";
import type { RoomEventHandler } from "../meeting-context";

/** Joins to one meeting's call run one at a time on this node, so the limit holds. */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(meetingId: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(meetingId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const settled = run.catch(() => undefined);
  queues.set(meetingId, settled);
  void settled.then(() => {
    if (queues.get(meetingId) === settled) queues.delete(meetingId);
  });
  return run;
}

/**
 * `call:join`: once the wrapper has checked the room and the policy's `call`
 * action, refuses a full call, records call attendance (persisted before
 * anyone hears of it), gives this connection a peer id, and answers who is
 * in the call with the ICE servers (TURN credentials minted for this person).
 * The newcomer offers to each peer; the others answer.
 */
export const joinCall: RoomEventHandler<"call:join"> = async (ctx, payload, { meeting }) => {
  const { socket } = ctx;
  const { meetingId, muted, cameraOff, audioOnly } = payload;
  await oneAtATime(meetingId, async () => {
    const joined = socket.data.meetings[meetingId];
    if (!joined) throw new AppError("forbidden", "Join the meeting first.");
    if (joined.call) return;
    const members = await callMembersOf(ctx.io, meetingId);
    if (members.length >= callLimits.maxPeers) {
      throw new AppError(
        "conflict",
        `The call is full: at most ${callLimits.maxPeers} people can be in it. You can still follow the meeting here.`,
      );
    }
    const { id } = await insertCallAttendance(ctx.db, sourceOf(socket), {
      meetingId,
      familyId: meeting.familyId,
      joinedAt: ctx.now(),
      audioOnly,
    });
    if (socket.disconnected || socket.data.meetings[meetingId] !== joined) {
      await closeCallAttendance(ctx.db, {
        attendanceId: id,
        familyId: meeting.familyId,
        leftAt: ctx.now(),
      });
      throw new AppError("conflict", "The connection closed while joining the call.");
    }
    joined.call = {
      peerId: randomUUID(),
      attendanceId: id,
      muted,
      cameraOff,
      audioOnly,
      speaking: false,
    };
    await broadcastCall(ctx.io, meetingId);
  });
  const call = socket.data.meetings[meetingId]?.call;
  if (!call) throw new AppError("conflict", "The connection closed while joining the call.");
  return {
    peerId: call.peerId,
    peers: await callPeersOf(ctx.io, meetingId),
    iceServers: iceServersFor(ctx.config.ice, socket.data.actor.userId, ctx.now()),
  };
};
