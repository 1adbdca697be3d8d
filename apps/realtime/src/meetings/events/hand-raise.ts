import type { RoomEventHandler } from "../meeting-context";
import { broadcastPresence } from "../presence";

/** `hand:raise`: shown to everyone in the room through presence. */
export const raiseHand: RoomEventHandler<"hand:raise"> = async (ctx, { meetingId }) => {
  const joined = ctx.socket.data.meetings[meetingId];
  if (joined) joined.handRaised = true;
  await broadcastPresence(ctx.io, meetingId);
  return null;
};
