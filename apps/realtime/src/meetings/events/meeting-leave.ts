import { MeetingRefPayload } from "@teamaround/domain";
import { leaveMeeting } from "../leave";
import type { EventHandler } from "../meeting-context";

/** `meeting:leave`: out of the room, attendance closed; leaving a meeting one is not in is a no-op. */
export const leaveMeetingEvent: EventHandler<null> = async (ctx, payload) => {
  const { meetingId } = MeetingRefPayload.parse(payload);
  await leaveMeeting(ctx, ctx.socket, meetingId);
  return null;
};
