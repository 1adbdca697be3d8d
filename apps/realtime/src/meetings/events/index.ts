import { AppError } from "@teamaround/domain";
import { respond } from "../ack";
import type { EventContext, EventHandler, MeetingContext, MeetingSocket } from "../meeting-context";
import { TokenBucket } from "../rate-limit";
import { setAgenda } from "./agenda-set";
import { sendChat } from "./chat-send";
import { recordDecision } from "./decision-record";
import { lowerHand } from "./hand-lower";
import { raiseHand } from "./hand-raise";
import { endMeetingEvent } from "./meeting-end";
import { joinMeeting } from "./meeting-join";
import { leaveMeetingEvent } from "./meeting-leave";

/** Wires every client event of one socket to its handler, each behind the socket's event rate limit. */
export function registerMeetingEvents(ctx: MeetingContext, socket: MeetingSocket): void {
  const now = ctx.now().getTime();
  const eventContext: EventContext = {
    ...ctx,
    socket,
    limits: {
      events: new TokenBucket(ctx.rateLimits.eventsPerSecond, now),
      chat: new TokenBucket(ctx.rateLimits.chatPerSecond, now),
    },
  };
  const run =
    <T>(handler: EventHandler<T>) =>
    (payload: unknown, ack: unknown) => {
      void respond(ack, ctx.logger, () => {
        if (!eventContext.limits.events.take(ctx.now().getTime())) {
          throw new AppError("too_many_requests", "Too many messages; slow down.");
        }
        return handler(eventContext, payload);
      });
    };
  socket.on("meeting:join", run(joinMeeting));
  socket.on("meeting:leave", run(leaveMeetingEvent));
  socket.on("agenda:set", run(setAgenda));
  socket.on("hand:raise", run(raiseHand));
  socket.on("hand:lower", run(lowerHand));
  socket.on("chat:send", run(sendChat));
  socket.on("decision:record", run(recordDecision));
  socket.on("meeting:end", run(endMeetingEvent));
}
