import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { registerLive } from "../connection/live-connections";
import { connectMeetingSocket, send } from "../meeting/meeting-socket";
import { notificationsKey, unreadCountQuery } from "./notification-queries";

function applyCount(queryClient: QueryClient, unreadCount: number) {
  queryClient.setQueryData(unreadCountQuery.queryKey, unreadCount);
  // The list re-reads itself (with access checked again) when it is next shown.
  void queryClient.invalidateQueries({ queryKey: [...notificationsKey, "list"] });
}

/**
 * Keeps the unread count live while someone is signed in: one Socket.io
 * connection to realtime asks to hear of my notices (`notifications:watch`,
 * again after every reconnection) and takes each new count it is told.
 * Signing out closes it with every other live connection.
 */
export function useLiveUnreadCount(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const socket = connectMeetingSocket(globalThis.location.origin, { ownConnection: true });
    let closed = false;
    const close = () => {
      closed = true;
      socket.io.reconnection(false);
      socket.disconnect();
      // The connection is this socket's alone: make sure it goes even when the socket was
      // already disconnected (a refused or server-closed socket leaves it open).
      socket.io.engine?.close();
    };
    const watch = () => {
      send(socket, "notifications:watch", {}).then(
        ({ unreadCount }) => applyCount(queryClient, unreadCount),
        // Not watching this time: the count still loads over HTTP; the next reconnection tries again.
        () => {},
      );
    };
    socket.on("connect", watch);
    socket.on("notifications:changed", ({ unreadCount }) => applyCount(queryClient, unreadCount));
    // As the meeting room does: a server shutting down closes its sockets itself and
    // Socket.io leaves those to us; an ended session stops for good (the page signs out).
    socket.on("disconnect", (reason) => {
      if (!closed && reason === "io server disconnect") {
        setTimeout(() => closed || socket.connect(), 1000);
      }
    });
    socket.on("connect_error", (error) => {
      if ((error as { data?: { code?: string } }).data?.code === "unauthenticated") close();
    });
    const unregister = registerLive(close);
    return () => {
      unregister();
      close();
    };
  }, [enabled, queryClient]);
}
