import { authorize, MeetingRefPayload } from "@teamaround/domain";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "../load-meeting-access";
import type { EventHandler } from "../meeting-context";
import { broadcastPresence } from "../presence";

/** `hand:raise`: shown to everyone in the room through presence. */
export const raiseHand: EventHandler<null> = async (ctx, payload) => {
  const { socket } = ctx;
  const { meetingId } = MeetingRefPayload.parse(payload);
  assertJoined(socket, meetingId);
  const loaded = await loadMeetingAccess(ctx, socket, meetingId);
  assertMayBeInRoom(loaded);
  authorize(loaded.access, "meeting", "raise_hand");
  const joined = socket.data.meetings[meetingId];
  if (joined) joined.handRaised = true;
  await broadcastPresence(ctx.io, meetingId);
  return null;
};
