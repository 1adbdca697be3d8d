import {
  AppError,
  authorize,
  type ClientEvent,
  type ClientEventResult,
  clientEvents,
} from "@teamaround/domain";
import { parsePayload, respond } from "./ack";
import { meetingEventTable } from "./event-table";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "./load-meeting-access";
import type { EventContext, MeetingContext, MeetingSocket } from "./meeting-context";
import { TokenBucket } from "./rate-limit";

/** Wires every client event of the domain's event map to the one wrapper, for one socket. */
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
  for (const event of clientEvents) {
    socket.on(event, (payload: unknown, ack: unknown) => {
      void respond(ack, ctx.logger, () => handleEvent(eventContext, event, payload));
    });
  }
}

/**
 * The one path every client event takes: rate limits → parse with the
 * event's zod schema (a bad payload changes nothing) → joined to the meeting
 * (when the event needs it) → the access loaded live → may still be in the
 * room → the domain policy's `meeting` action → the handler. Whatever it
 * throws becomes the ack's error in `ack.ts`.
 */
export async function handleEvent<E extends ClientEvent>(
  ctx: EventContext,
  event: E,
  raw: unknown,
): Promise<ClientEventResult<E>> {
  const entry = meetingEventTable[event];
  const at = ctx.now().getTime();
  if (!ctx.limits.events.take(at)) {
    throw new AppError("too_many_requests", "Too many messages; slow down.");
  }
  if (entry.room === "none") return entry.handler(ctx, parsePayload(entry.schema, raw));
  if (entry.limit === "chat" && !ctx.limits.chat.take(at)) {
    throw new AppError("too_many_requests", "You are sending messages too fast; wait a moment.");
  }
  const payload = parsePayload(entry.schema, raw);
  if (entry.room === "joined") assertJoined(ctx.socket, payload.meetingId);
  const room = await loadMeetingAccess(ctx, ctx.socket, payload.meetingId);
  assertMayBeInRoom(room);
  const action =
    typeof entry.action === "function"
      ? entry.action(payload, ctx.socket.data.actor)
      : entry.action;
  if (action !== null) authorize(room.access, "meeting", action);
  return entry.handler(ctx, payload, room);
}
