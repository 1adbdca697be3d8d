import { authorize, HandLowerPayload } from "@teamaround/domain";
import { meetingRoom } from "../../rooms";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "../load-meeting-access";
import type { EventHandler } from "../meeting-context";
import { broadcastPresence } from "../presence";

/**
 * `hand:lower`: one's own hand (on every connection of one's own), or — for
 * the chair — someone else's. Hand state lives on the sockets of this node.
 */
export const lowerHand: EventHandler<null> = async (ctx, payload) => {
  const { socket } = ctx;
  const { meetingId, userId } = HandLowerPayload.parse(payload);
  assertJoined(socket, meetingId);
  const loaded = await loadMeetingAccess(ctx, socket, meetingId);
  assertMayBeInRoom(loaded);
  const target = userId ?? socket.data.actor.userId;
  if (target !== socket.data.actor.userId) authorize(loaded.access, "meeting", "moderate");
  const inRoom = await ctx.io.in(meetingRoom(meetingId)).local.fetchSockets();
  for (const other of inRoom) {
    const joined = other.data.meetings?.[meetingId];
    if (joined && other.data.actor.userId === target) joined.handRaised = false;
  }
  await broadcastPresence(ctx.io, meetingId);
  return null;
};
