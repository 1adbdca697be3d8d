import { getFamilyAccess } from "@teamaround/db";
import {
  AppError,
  authorize,
  authorizeGlobal,
  authorizeMeeting,
  type ClientEvent,
  type ClientEventResult,
  clientEvents,
  notFound,
} from "@teamaround/domain";
import { cachedMeetingAccess, rememberMeetingAccess } from "./access-cache";
import { parsePayload, respond } from "./ack";
import { meetingEventTable } from "./event-table";
import {
  assertJoined,
  assertMayBeInRoom,
  assertSessionStillValid,
  loadMeetingAccess,
  type MeetingAccess,
} from "./load-meeting-access";
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
      signals: new TokenBucket(ctx.rateLimits.signalsPerSecond, now),
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
 * room → the domain policy's `meeting` action → the handler. An event about
 * the socket's own person (`room: "person"`) checks the session live and the
 * domain's global policy instead; one about a family outside a meeting
 * (`room: "family"`) checks the session and the family's policy. Whatever it throws becomes the ack's error
 * in `ack.ts`.
 */
export async function handleEvent<E extends ClientEvent>(
  ctx: EventContext,
  event: E,
  raw: unknown,
): Promise<ClientEventResult<E>> {
  const entry = meetingEventTable[event];
  const at = ctx.now().getTime();
  const bucket = "limit" in entry && entry.limit === "signal" ? "signals" : "events";
  if (!ctx.limits[bucket].take(at)) {
    throw new AppError("too_many_requests", "Too many messages; slow down.");
  }
  if (entry.room === "none") return entry.handler(ctx, parsePayload(entry.schema, raw));
  if (entry.room === "person") {
    const payload = parsePayload(entry.schema, raw);
    await assertSessionStillValid(ctx, ctx.socket);
    const { resource, action } = entry.permission;
    authorizeGlobal(ctx.socket.data.actor, resource, action as never);
    return entry.handler(ctx, payload);
  }
  if (entry.room === "family") {
    const payload = parsePayload(entry.schema, raw);
    await assertSessionStillValid(ctx, ctx.socket);
    const family = await getFamilyAccess(ctx.db, ctx.socket.data.actor, payload.familyId);
    // Another family, or one that does not exist: the same answer, as from the API.
    if (!family) throw notFound("That family");
    const { resource, action } = entry.permission;
    authorize(family.access, resource, action as never);
    return entry.handler(ctx, payload, family.access);
  }
  if (entry.limit === "chat" && !ctx.limits.chat.take(at)) {
    throw new AppError("too_many_requests", "You are sending messages too fast; wait a moment.");
  }
  const payload = parsePayload(entry.schema, raw);
  if (entry.room === "joined") assertJoined(ctx.socket, payload.meetingId);
  const room = await meetingAccessFor(ctx, payload.meetingId, "accessMayBeCached" in entry, at);
  assertMayBeInRoom(room);
  const action =
    typeof entry.action === "function"
      ? entry.action(payload, ctx.socket.data.actor)
      : entry.action;
  if (action !== null) authorizeMeeting(room.access, payload.meetingId, action);
  return entry.handler(ctx, payload, room);
}

/**
 * The room's access: from the socket's cache for the frequent events while
 * the re-check keeps confirming it, otherwise read live (and kept, so the
 * next frequent event need not read it).
 */
async function meetingAccessFor(
  ctx: EventContext,
  meetingId: string,
  mayBeCached: boolean,
  at: number,
): Promise<MeetingAccess> {
  const times = ctx.accessCache;
  if (mayBeCached && times) {
    const cached = cachedMeetingAccess(ctx.socket, meetingId, at, times);
    if (cached) return cached;
  }
  const loaded = await loadMeetingAccess(ctx, ctx.socket, meetingId);
  if (times) rememberMeetingAccess(ctx.socket, loaded, at);
  return loaded;
}
