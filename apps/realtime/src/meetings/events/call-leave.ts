import { leaveCall } from "../call-roster";
import type { SelfEventHandler } from "../meeting-context";

/** `call:leave`: out of the call, still in the room. Leaving a call one is not in changes nothing. */
export const leaveCallEvent: SelfEventHandler<"call:leave"> = async (ctx, { meetingId }) => {
  await leaveCall(ctx, ctx.socket, meetingId);
  return null;
};
