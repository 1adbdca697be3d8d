import type {
  CallPeer,
  ChatMessage,
  DecisionRecorded,
  LobbyEntry,
  MeetingEnded,
  MeetingRoomState,
  Participant,
} from "@teamaround/domain";

/** What the room page shows: where the connection is, and the room as the server last told it. */
export interface RoomView {
  phase:
    | "connecting"
    | "joining"
    | "in_room"
    | "waiting"
    /** In the lobby: the chair has not let this person in yet. */
    | "lobby"
    /** The chair turned them away this time (they may ask again). */
    | "declined"
    | "reconnecting"
    | "ended"
    | "refused"
    | "failed";
  room?: MeetingRoomState;
  ended?: MeetingEnded;
  message?: string;
}

export type RoomEvent =
  | { type: "joining" | "reconnecting" | "lobby_wait" | "declined" }
  | { type: "lobby"; waiting: LobbyEntry[] }
  | { type: "call"; peers: CallPeer[] }
  | { type: "joined"; room: MeetingRoomState }
  | { type: "waiting" | "failed" | "refused"; message: string }
  | { type: "presence"; participants: Participant[] }
  | { type: "agenda"; current: string | null }
  | { type: "chat"; message: ChatMessage }
  | { type: "decision"; decision: DecisionRecorded }
  | { type: "ended"; ended: MeetingEnded };

const withRoom = (
  view: RoomView,
  change: (room: MeetingRoomState) => MeetingRoomState,
): RoomView => (view.room ? { ...view, room: change(view.room) } : view);

export function roomReducer(view: RoomView, event: RoomEvent): RoomView {
  // Once ended or refused, nothing the connection does changes what is shown.
  if ((view.phase === "ended" || view.phase === "refused") && event.type !== "ended") return view;
  switch (event.type) {
    case "joining":
      return view.room ? view : { ...view, phase: "joining" };
    case "reconnecting":
      return { ...view, phase: "reconnecting" };
    case "joined":
      return { phase: "in_room", room: event.room };
    case "waiting":
    case "failed":
    case "refused":
      return { ...view, phase: event.type, message: event.message };
    case "lobby_wait":
      return { phase: "lobby" };
    case "declined":
      return { phase: "declined" };
    case "lobby":
      return withRoom(view, (room) => ({ ...room, lobby: event.waiting }));
    case "call":
      return withRoom(view, (room) => ({ ...room, call: event.peers }));
    case "presence":
      return withRoom(view, (room) => ({ ...room, participants: event.participants }));
    case "agenda":
      return withRoom(view, (room) => ({ ...room, currentAgendaItemId: event.current }));
    case "chat":
      return withRoom(view, (room) =>
        room.chat.some((m) => m.id === event.message.id)
          ? room
          : { ...room, chat: [...room.chat, event.message] },
      );
    case "decision":
      return withRoom(view, (room) =>
        room.decisions.some((d) => d.id === event.decision.id)
          ? room
          : { ...room, decisions: [...room.decisions, event.decision] },
      );
    case "ended":
      return { ...view, phase: "ended", ended: event.ended };
  }
}
