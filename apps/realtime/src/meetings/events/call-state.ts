import { AppError } from "@teamaround/domain";
import { broadcastCall } from "../call-roster";
import type { RoomEventHandler } from "../meeting-context";

/** `call:state`: one's own muted, camera-off, audio-only and speaking state, shown to the room. */
export const setCallState: RoomEventHandler<"call:state"> = async (ctx, payload) => {
  const { meetingId, muted, cameraOff, audioOnly, speaking } = payload;
  const call = ctx.socket.data.meetings[meetingId]?.call;
  if (!call) throw new AppError("conflict", "Join the call first.");
  Object.assign(call, { muted, cameraOff, audioOnly, speaking });
  await broadcastCall(ctx.io, meetingId);
  return null;
};
