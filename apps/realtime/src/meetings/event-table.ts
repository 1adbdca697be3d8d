import {
  type Actor,
  type ClientEvent,
  type ClientEventPayload,
  clientEventPayloads,
  type FamilyAction,
  type MeetingRefPayload,
} from "@teamaround/domain";
import type { z } from "zod";
import { setAgenda } from "./events/agenda-set";
import { sendChat } from "./events/chat-send";
import { recordDecision } from "./events/decision-record";
import { lowerHand } from "./events/hand-lower";
import { raiseHand } from "./events/hand-raise";
import { endMeetingEvent } from "./events/meeting-end";
import { joinMeeting } from "./events/meeting-join";
import { leaveMeetingEvent } from "./events/meeting-leave";
import type { RoomEventHandler, SelfEventHandler } from "./meeting-context";

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
  /** Also spends a token of the socket's chat limit (before anything is parsed or loaded). */
  limit?: "chat";
  handler: RoomEventHandler<E>;
}

/** An event about the socket alone (leaving): nothing to load or authorize. */
export interface SelfEventEntry<E extends ClientEvent> {
  schema: z.ZodType<ClientEventPayload<E>>;
  room: "none";
  handler: SelfEventHandler<E>;
}

export type MeetingEventEntry<E extends ClientEvent> = RoomEventEntry<E> | SelfEventEntry<E>;

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
};
