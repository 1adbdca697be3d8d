import { AppError } from "@teamaround/domain";
import { callMembersOf } from "../call-roster";
import type { RoomEventHandler } from "../meeting-context";

/**
 * `call:signal`: an offer, answer or ICE candidate for one peer, relayed to
 * that peer's connection only — never to anyone outside the call, never to
 * the room. The sender must be in the call itself.
 */
export const relaySignal: RoomEventHandler<"call:signal"> = async (ctx, payload) => {
  const { meetingId, to, signal } = payload;
  const from = ctx.socket.data.meetings[meetingId]?.call?.peerId;
  if (!from) throw new AppError("conflict", "Join the call first.");
  if (to === from) throw new AppError("bad_request", "A signal goes to another peer.");
  const members = await callMembersOf(ctx.io, meetingId);
  const target = members.find((member) => member.peer.peerId === to);
  if (!target) throw new AppError("not_found", "That person is not in the call.");
  ctx.io.to(target.socketId).emit("call:signal", { meetingId, from, signal });
  return null;
};
