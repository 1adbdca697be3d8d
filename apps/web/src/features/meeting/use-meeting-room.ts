import { useQueryClient } from "@tanstack/react-query";
import type { MeetingEnded, MeetingRoomState } from "@teamaround/domain";
import { useCallback, useEffect, useReducer, useRef } from "react";
import {
  connectionId,
  forgetConnection,
  registerLive,
  reportRefusal,
  reportStatus,
} from "../connection/live-connections";
import { accessRevokedMessage } from "../connection/refusal-messages";
import { familyKey } from "../family/family-queries";
import { connectMeetingSocket, type MeetingSocket } from "./meeting-socket";
import { type RoomView, roomReducer } from "./room-reducer";

/**
 * The live room of one meeting: joins over Socket.io (again after every
 * reconnect: the server forgets a socket's rooms when it drops), keeps the
 * room's state from the server's events, and re-reads the family's records
 * when a notice says one changed. Closed for good on `access:revoked`.
 */
export function useMeetingRoom(familyId: string, meetingId: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const [view, dispatch] = useReducer(roomReducer, { phase: "connecting" } as RoomView);
  const socketRef = useRef<MeetingSocket | null>(null);
  const joinRef = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    if (!enabled) return;
    const id = connectionId("meeting");
    const socket = connectMeetingSocket();
    socketRef.current = socket;
    let closedForGood = false;
    const refuse = (message: string) => {
      closedForGood = true;
      forgetConnection(id);
      reportRefusal({ familyId, message });
      dispatch({ type: "refused", message });
      socket.disconnect();
    };
    const join = async () => {
      if (!socket.connected) return;
      dispatch({ type: "joining" });
      const result = await socket
        .timeout(10_000)
        .emitWithAck("meeting:join", { meetingId })
        .catch(() => null);
      if (!result) return dispatch({ type: "failed", message: "The meeting did not answer." });
      if (result.ok)
        return dispatch(
          result.data.waiting ? { type: "lobby_wait" } : { type: "joined", room: result.data },
        );
      if (result.error.code === "conflict") {
        return dispatch({ type: "waiting", message: result.error.message });
      }
      dispatch({ type: "failed", message: result.error.message });
    };
    joinRef.current = join;

    socket.on("connect", () => {
      reportStatus(id, "connected");
      void join();
    });
    socket.on("disconnect", (reason) => {
      if (closedForGood || reason === "io client disconnect") return;
      reportStatus(id, "reconnecting");
      dispatch({ type: "reconnecting" });
      // A server shutting down closes sockets itself, and Socket.io leaves those for us to
      // reconnect. Revoked access always says so first (`access:revoked`), which stops this.
      if (reason === "io server disconnect")
        setTimeout(() => closedForGood || socket.connect(), 1000);
    });
    socket.on("connect_error", (error) => {
      const code = (error as { data?: { code?: string } }).data?.code;
      if (code === "unauthenticated")
        return refuse("You are no longer signed in. Sign in again to carry on.");
      if (code === "forbidden") return refuse(accessRevokedMessage(error.message));
      reportStatus(id, "reconnecting");
    });
    socket.on("access:revoked", ({ reason }) => refuse(accessRevokedMessage(reason)));
    socket.on("presence:update", (u) =>
      dispatch({ type: "presence", participants: u.participants }),
    );
    socket.on("agenda:current", (c) =>
      dispatch({ type: "agenda", current: c.currentAgendaItemId }),
    );
    socket.on("chat:message", (message) => dispatch({ type: "chat", message }));
    socket.on("lobby:update", (u) => {
      if (u.meetingId === meetingId) dispatch({ type: "lobby", waiting: u.waiting });
    });
    socket.on("call:update", (u) => {
      if (u.meetingId === meetingId) dispatch({ type: "call", peers: u.peers });
    });
    // Let in from the lobby: join again, and go straight in.
    socket.on("lobby:admitted", (d) => {
      if (d.meetingId === meetingId) void join();
    });
    socket.on("lobby:declined", (d) => {
      if (d.meetingId === meetingId) dispatch({ type: "declined" });
    });
    socket.on("decision:recorded", (decision) => dispatch({ type: "decision", decision }));
    socket.on("meeting:ended", (ended) => {
      dispatch({ type: "ended", ended });
      void queryClient.invalidateQueries({ queryKey: familyKey(familyId) });
    });
    socket.on("notice", () => {
      void queryClient.invalidateQueries({ queryKey: familyKey(familyId) });
      void queryClient.invalidateQueries({ queryKey: ["my"] });
    });
    reportStatus(id, "connecting");
    const unregister = registerLive(() => {
      closedForGood = true;
      socket.disconnect();
    });
    return () => {
      closedForGood = true;
      unregister();
      forgetConnection(id);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [familyId, meetingId, enabled, queryClient]);

  const retryJoin = useCallback(() => joinRef.current(), []);
  const onEnded = useCallback((ended: MeetingEnded) => dispatch({ type: "ended", ended }), []);
  return { view, socket: socketRef, retryJoin, onEnded };
}

export type { MeetingRoomState };
