import { leaveMeeting } from "../leave";
import type { SelfEventHandler } from "../meeting-context";

/** `meeting:leave`: out of the room, attendance closed; leaving a meeting one is not in is a no-op. */
export const leaveMeetingEvent: SelfEventHandler<"meeting:leave"> = async (ctx, { meetingId }) => {
  await leaveMeeting(ctx, ctx.socket, meetingId);
  return null;
};
