import { meetingRoom } from "../../rooms";
import type { RoomEventHandler } from "../meeting-context";
import { broadcastPresence } from "../presence";

/**
 * `hand:lower`: one's own hand (on every connection of one's own), or — for
 * the chair, checked by the table's policy — someone else's. Hand state lives
 * on the sockets of this node.
 */
export const lowerHand: RoomEventHandler<"hand:lower"> = async (ctx, payload) => {
  const { meetingId, userId } = payload;
  const target = userId ?? ctx.socket.data.actor.userId;
  const inRoom = await ctx.io.in(meetingRoom(meetingId)).local.fetchSockets();
  for (const other of inRoom) {
    const joined = other.data.meetings?.[meetingId];
    if (joined && other.data.actor.userId === target) joined.handRaised = false;
  }
  await broadcastPresence(ctx.io, meetingId);
  return null;
};
