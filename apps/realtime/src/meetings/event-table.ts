import {
  type Actor,
  type ClientEvent,
  type ClientEventPayload,
  clientEventPayloads,
  type FamilyAction,
  type FamilyResource,
  type GlobalAction,
  type GlobalResource,
  type MeetingRefPayload,
} from "@teamaround/domain";
import type { z } from "zod";
import { setAgenda } from "./events/agenda-set";
import { joinCall } from "./events/call-join";
import { leaveCallEvent } from "./events/call-leave";
import { relaySignal } from "./events/call-signal";
import { setCallState } from "./events/call-state";
import { sendChat } from "./events/chat-send";
import { recordDecision } from "./events/decision-record";
import { unwatchFamily, watchFamily } from "./events/family-watch";
import { lowerHand } from "./events/hand-lower";
import { raiseHand } from "./events/hand-raise";
import { admitFromLobby, declineFromLobby } from "./events/lobby-decide";
import { endMeetingEvent } from "./events/meeting-end";
import { joinMeeting } from "./events/meeting-join";
import { leaveMeetingEvent } from "./events/meeting-leave";
import { watchNotifications } from "./events/notifications-watch";
import type { FamilyEventHandler, RoomEventHandler, SelfEventHandler } from "./meeting-context";

export type MeetingAction = FamilyAction<"meeting">;

/** An event about one meeting room: access loaded live, room rules and the policy checked first. */
export interface RoomEventEntry<E extends ClientEvent> {
  schema: z.ZodType<ClientEventPayload<E> & MeetingRefPayload>;
  /** `joined`: the socket must already be in the meeting; `joining`: this event is how it gets in. */
  room: "joined" | "joining";
  /**
   * The `meeting` action of the domain policy the person needs; a function of
   * the payload when that depends on it (null: acting on oneself only).
   */
  action: MeetingAction | ((payload: ClientEventPayload<E>, self: Actor) => MeetingAction | null);
  /**
   * `chat`: also spends a token of the socket's chat limit; `signal`: spends
   * the call-signal limit instead of the events one (before anything is parsed or loaded).
   */
  limit?: "chat" | "signal";
  /**
   * The frequent events: may be answered from the socket's access as last
   * read and confirmed by the re-check (`access-cache.ts`) instead of reading
   * the session, the meeting and the family again for each one.
   */
  accessMayBeCached?: true;
  handler: RoomEventHandler<E>;
}

/** An event about the socket alone (leaving): nothing to load or authorize. */
export interface SelfEventEntry<E extends ClientEvent> {
  schema: z.ZodType<ClientEventPayload<E>>;
  room: "none";
  handler: SelfEventHandler<E>;
}

/** A global permission of the domain policy: a resource and one of its actions. */
export type GlobalPermission = {
  [R in GlobalResource]: { resource: R; action: GlobalAction<R> };
}[GlobalResource];

/**
 * An event about the socket's own person, not a meeting (watching one's own
 * notices): the session checked live, then the domain's global policy.
 */
export interface PersonEventEntry<E extends ClientEvent> {
  schema: z.ZodType<ClientEventPayload<E>>;
  room: "person";
  permission: GlobalPermission;
  handler: SelfEventHandler<E>;
}

/** A family permission of the domain policy: a resource and one of its actions. */
export type FamilyPermission = {
  [R in FamilyResource]: { resource: R; action: FamilyAction<R> };
}[FamilyResource];

/**
 * An event about one family outside a meeting (watching it): the session
 * checked live, the family's access loaded live, then the domain's family
 * policy — refused exactly as the API refuses (404 to outsiders).
 */
export interface FamilyEventEntry<E extends ClientEvent> {
  schema: z.ZodType<ClientEventPayload<E> & { familyId: string }>;
  room: "family";
  permission: FamilyPermission;
  handler: FamilyEventHandler<E>;
}

export type MeetingEventEntry<E extends ClientEvent> =
  | RoomEventEntry<E>
  | SelfEventEntry<E>
  | PersonEventEntry<E>
  | FamilyEventEntry<E>;

/**
 * Every client event of the meeting rooms, by name: its payload schema (from
 * the domain's event map), what it needs of the room, the policy action, and
 * the handler. `handle-event.ts` runs them all the same way; the type makes a
 * missing or unknown event a compile error, and the persona × event matrix
 * (`meeting-events.matrix.test.ts`) makes a missing expectation a test failure.
 */
export const meetingEventTable: { [E in ClientEvent]: MeetingEventEntry<E> } = {
  "meeting:join": {
    schema: clientEventPayloads["meeting:join"],
    room: "joining",
    action: "join",
    handler: joinMeeting,
  },
  "meeting:leave": {
    schema: clientEventPayloads["meeting:leave"],
    room: "none",
    handler: leaveMeetingEvent,
  },
  "agenda:set": {
    schema: clientEventPayloads["agenda:set"],
    room: "joined",
    action: "set_agenda",
    handler: setAgenda,
  },
  "hand:raise": {
    schema: clientEventPayloads["hand:raise"],
    room: "joined",
    action: "raise_hand",
    handler: raiseHand,
  },
  "hand:lower": {
    schema: clientEventPayloads["hand:lower"],
    room: "joined",
    // One's own hand needs only to be in the room; someone else's is the chair's to lower.
    action: ({ userId }, self) =>
      userId !== undefined && userId !== self.userId ? "moderate" : null,
    handler: lowerHand,
  },
  "chat:send": {
    schema: clientEventPayloads["chat:send"],
    room: "joined",
    action: "chat",
    limit: "chat",
    accessMayBeCached: true,
    handler: sendChat,
  },
  "decision:record": {
    schema: clientEventPayloads["decision:record"],
    room: "joined",
    action: "record_decision",
    handler: recordDecision,
  },
  "meeting:end": {
    schema: clientEventPayloads["meeting:end"],
    room: "joined",
    action: "end",
    handler: endMeetingEvent,
  },
  "call:join": {
    schema: clientEventPayloads["call:join"],
    room: "joined",
    action: "call",
    handler: joinCall,
  },
  "call:leave": {
    schema: clientEventPayloads["call:leave"],
    room: "none",
    handler: leaveCallEvent,
  },
  "call:signal": {
    schema: clientEventPayloads["call:signal"],
    room: "joined",
    action: "call",
    limit: "signal",
    accessMayBeCached: true,
    handler: relaySignal,
  },
  "call:state": {
    schema: clientEventPayloads["call:state"],
    room: "joined",
    action: "call",
    handler: setCallState,
  },
  "lobby:admit": {
    schema: clientEventPayloads["lobby:admit"],
    room: "joined",
    action: "admit",
    handler: admitFromLobby,
  },
  "lobby:decline": {
    schema: clientEventPayloads["lobby:decline"],
    room: "joined",
    action: "admit",
    handler: declineFromLobby,
  },
  "notifications:watch": {
    schema: clientEventPayloads["notifications:watch"],
    room: "person",
    permission: { resource: "my_notifications", action: "read" },
    handler: watchNotifications,
  },
  "family:watch": {
    schema: clientEventPayloads["family:watch"],
    room: "family",
    permission: { resource: "family", action: "read" },
    handler: watchFamily,
  },
  "family:unwatch": {
    schema: clientEventPayloads["family:unwatch"],
    room: "none",
    handler: unwatchFamily,
  },
};
