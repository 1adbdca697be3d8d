import type { z } from "zod";
import type { Actor, Relationship } from "../authorization/actor";
import { type NotificationsCount, NotificationsWatchPayload } from "../notices/in-app-events";
import type { ErrorCode } from "../shared/app-error";
import { type FamilyWatching, FamilyWatchPayload } from "./family-watch";
import {
  AgendaSetPayload,
  ChatSendPayload,
  DecisionRecordPayload,
  HandLowerPayload,
  type MeetingEmptied,
  MeetingRefPayload,
  type MeetingState,
  type Notice,
} from "./meeting.schema";
import {
  type CallJoined,
  CallJoinPayload,
  type CallPeerLeft,
  CallSignalPayload,
  type CallSignalRelayed,
  CallStatePayload,
  type CallUpdate,
  type InCall,
  type LobbyDecided,
  LobbyDecisionPayload,
  type LobbyEntry,
  type LobbyUpdate,
} from "./meeting-call";

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
  /** True while one waits in the lobby for the chair: the rest of the state is then empty. */
  waiting: boolean;
  /** Who waits in the lobby (the chair lets them in). */
  lobby: LobbyEntry[];
  /** Who is in the call now. */
  call: CallUpdate["peers"];
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
  /** Join the room's call (at most `callLimits.maxPeers` connections); answers the ICE servers. */
  "call:join": (payload: CallJoinPayload, ack: Ack<CallJoined>) => void;
  "call:leave": (payload: MeetingRefPayload, ack: Ack<null>) => void;
  /** An offer, answer or ICE candidate for one peer in the same call. */
  "call:signal": (payload: CallSignalPayload, ack: Ack<null>) => void;
  /** One's muted, camera-off, audio-only and speaking state, shown to the room. */
  "call:state": (payload: CallStatePayload, ack: Ack<null>) => void;
  "lobby:admit": (payload: LobbyDecisionPayload, ack: Ack<null>) => void;
  "lobby:decline": (payload: LobbyDecisionPayload, ack: Ack<null>) => void;
  /** Hear of one's own in-app notices (`notifications:changed`); answers the unread count now. */
  "notifications:watch": (payload: NotificationsWatchPayload, ack: Ack<NotificationsCount>) => void;
  /** Hear of changes to one family's records (`notice`) outside a meeting, as the policy allows. */
  "family:watch": (payload: FamilyWatchPayload, ack: Ack<FamilyWatching>) => void;
  /** Stop hearing of them (a no-op for a family not watched). */
  "family:unwatch": (payload: FamilyWatchPayload, ack: Ack<null>) => void;
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
  "call:join": CallJoinPayload,
  "call:leave": MeetingRefPayload,
  "call:signal": CallSignalPayload,
  "call:state": CallStatePayload,
  "lobby:admit": LobbyDecisionPayload,
  "lobby:decline": LobbyDecisionPayload,
  "notifications:watch": NotificationsWatchPayload,
  "family:watch": FamilyWatchPayload,
  "family:unwatch": FamilyWatchPayload,
} as const satisfies { [E in ClientEvent]: z.ZodType<ClientEventPayload<E>> };

export const clientEvents = Object.keys(clientEventPayloads) as ClientEvent[];

export interface ServerToClientEvents {
  "presence:update": (update: PresenceUpdate) => void;
  "agenda:current": (current: AgendaCurrent) => void;
  "chat:message": (message: ChatMessage) => void;
  "decision:recorded": (decision: DecisionRecorded) => void;
  "meeting:ended": (ended: MeetingEnded) => void;
  "call:update": (update: CallUpdate) => void;
  "call:signal": (signal: CallSignalRelayed) => void;
  "call:peer-left": (left: CallPeerLeft) => void;
  "lobby:update": (update: LobbyUpdate) => void;
  /** To the person waiting: the chair let them in (join again to enter). */
  "lobby:admitted": (decided: LobbyDecided) => void;
  "lobby:declined": (decided: LobbyDecided) => void;
  notice: (notice: Notice) => void;
  "access:revoked": (revoked: AccessRevoked) => void;
  /** One's in-app notices changed: the unread count now. */
  "notifications:changed": (count: NotificationsCount) => void;
}

/** Nothing is sent between nodes but room broadcasts (the adapter carries those). */
/**
 * Between realtime nodes, through the Socket.io adapter: a meeting one node
 * ended, so every node's sockets forget it. Checked against
 * `MeetingEmptied` on arrival like any other message.
 */
export interface InterServerEvents {
  "meeting:emptied": (payload: MeetingEmptied) => void;
}

/** What the server keeps on each socket; plain data, so other nodes can read it. */
export interface SocketData {
  actor: Actor;
  displayName: string;
  agencyName: string | null;
  /** The meetings this socket is in, by meeting id. */
  meetings: Record<string, JoinedMeeting>;
  /** The meetings whose lobby this socket waits in. */
  waitingIn?: string[];
  /** The families this socket watches outside a meeting (`family:watch`). */
  watching: string[];
}

export interface JoinedMeeting {
  familyId: string;
  role: Relationship;
  attendanceId: string;
  handRaised: boolean;
  /** Set while this connection is in the meeting's call. */
  call?: InCall;
}
