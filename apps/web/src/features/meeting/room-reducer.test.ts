import type { MeetingRoomState } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { type RoomView, roomReducer } from "./room-reducer";

const room: MeetingRoomState = {
  meetingId: "m1",
  familyId: "f1",
  state: "live",
  agenda: [{ id: "a1", title: "Worries" }],
  currentAgendaItemId: null,
  participants: [],
  chat: [],
  decisions: [],
  waiting: false,
  lobby: [],
  call: [],
};
const message = {
  id: "c1",
  meetingId: "m1",
  authorUserId: "u1",
  authorName: "Sam",
  body: "Hi",
  sentAt: "2026-01-01T10:00:00Z",
};

describe("the meeting room's state", () => {
  it("takes the room on joining, then each event the server sends", () => {
    let view: RoomView = roomReducer({ phase: "connecting" }, { type: "joined", room });
    view = roomReducer(view, { type: "agenda", current: "a1" });
    view = roomReducer(view, { type: "chat", message });
    view = roomReducer(view, { type: "chat", message });
    expect(view.phase).toBe("in_room");
    expect(view.room?.currentAgendaItemId).toBe("a1");
    expect(view.room?.chat).toHaveLength(1);
  });

  it("keeps the room on screen while reconnecting, and replaces it on rejoining", () => {
    let view: RoomView = roomReducer({ phase: "connecting" }, { type: "joined", room });
    view = roomReducer(view, { type: "reconnecting" });
    expect(view.room).toBe(room);
    view = roomReducer(view, { type: "joined", room: { ...room, chat: [message] } });
    expect(view).toEqual({ phase: "in_room", room: { ...room, chat: [message] } });
  });

  it("stays refused: nothing the connection does afterwards shows the room again", () => {
    let view: RoomView = roomReducer({ phase: "connecting" }, { type: "refused", message: "gone" });
    view = roomReducer(view, { type: "joined", room });
    expect(view.phase).toBe("refused");
    expect(view.room).toBeUndefined();
  });
});
