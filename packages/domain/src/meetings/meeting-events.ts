import type { z } from "zod";
import type { Actor, Relationship } from "../authorization/actor";
import type { ErrorCode } from "../shared/app-error";
import {
  AgendaSetPayload,
  ChatSendPayload,
  DecisionRecordPayload,
  HandLowerPayload,
  MeetingRefPayload,
  type MeetingState,
  type Notice,
} from "./meeting.schema";

/** Every acknowledgement: the result, or an error with a code of the domain's closed set. */
export type AckResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };
export type Ack<T> = (result: AckResult<T>) => void;

/** One person in the room, stamped by the server from the session and the family. */
export interface Participant {
  userId: string;
  name: string;
  /** How they stand towards the family, e.g. lead_professional, family_member. */
  role: Relationship;
  /** Their agency's name; null for family members. */
  agency: string | null;
  handRaised: boolean;
  isChair: boolean;
}

export interface PresenceUpdate {
  meetingId: string;
  participants: Participant[];
}

export interface ChatMessage {
  id: string;
  meetingId: string;
  authorUserId: string;
  authorName: string;
  body: string;
  sentAt: string;
}

export interface DecisionRecorded {
  id: string;
  meetingId: string;
  text: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

export interface AgendaCurrent {
  meetingId: string;
  currentAgendaItemId: string | null;
}

/** What a socket receives when it joins: enough to draw the room. */
export interface MeetingRoomState {
  meetingId: string;
  familyId: string;
  state: MeetingState;
  agenda: { id: string; title: string }[];
  currentAgendaItemId: string | null;
  participants: Participant[];
  chat: ChatMessage[];
  decisions: DecisionRecorded[];
}

export interface MeetingEnded {
  meetingId: string;
  versionId: string;
  hash: string;
}

export interface AccessRevoked {
  reason: string;
  familyId: string | null;
}

/** Events a client may send; every payload is also parsed with the zod schema of the same name. */
export interface ClientToServerEvents {
  "meeting:join": (payload: MeetingRefPayload, ack: Ack<MeetingRoomState>) => void;
  "meeting:leave": (payload: MeetingRefPayload, ack: Ack<null>) => void;
  "agenda:set": (payload: AgendaSetPayload, ack: Ack<AgendaCurrent>) => void;
  "hand:raise": (payload: MeetingRefPayload, ack: Ack<null>) => void;
  "hand:lower": (payload: HandLowerPayload, ack: Ack<null>) => void;
  "chat:send": (payload: ChatSendPayload, ack: Ack<ChatMessage>) => void;
  "decision:record": (payload: DecisionRecordPayload, ack: Ack<DecisionRecorded>) => void;
  "meeting:end": (payload: MeetingRefPayload, ack: Ack<MeetingEnded>) => void;
}

export type ClientEvent = keyof ClientToServerEvents;
export type ClientEventPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
export type ClientEventResult<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

/**
 * The zod schema of every client event's payload, by event: the event map
 * servers and tests enumerate. Adding an event to `ClientToServerEvents`
 * without a schema here (or the reverse) does not compile.
 */
export const clientEventPayloads = {
  "meeting:join": MeetingRefPayload,
  "meeting:leave": MeetingRefPayload,
  "agenda:set": AgendaSetPayload,
  "hand:raise": MeetingRefPayload,
  "hand:lower": HandLowerPayload,
  "chat:send": ChatSendPayload,
  "decision:record": DecisionRecordPayload,
  "meeting:end": MeetingRefPayload,
} as const satisfies { [E in ClientEvent]: z.ZodType<ClientEventPayload<E>> };

export const clientEvents = Object.keys(clientEventPayloads) as ClientEvent[];

export interface ServerToClientEvents {
  "presence:update": (update: PresenceUpdate) => void;
  "agenda:current": (current: AgendaCurrent) => void;
  "chat:message": (message: ChatMessage) => void;
  "decision:recorded": (decision: DecisionRecorded) => void;
  "meeting:ended": (ended: MeetingEnded) => void;
  notice: (notice: Notice) => void;
  "access:revoked": (revoked: AccessRevoked) => void;
}

/** Nothing is sent between nodes but room broadcasts (the adapter carries those). */
export type InterServerEvents = Record<never, never>;

/** What the server keeps on each socket; plain data, so other nodes can read it. */
export interface SocketData {
  actor: Actor;
  displayName: string;
  agencyName: string | null;
  /** The meetings this socket is in, by meeting id. */
  meetings: Record<string, JoinedMeeting>;
}

export interface JoinedMeeting {
  familyId: string;
  role: Relationship;
  attendanceId: string;
  handRaised: boolean;
}
