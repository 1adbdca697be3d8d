import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { registerLive, reportRefusal } from "../connection/live-connections";
import { accessRevokedMessage } from "../connection/refusal-messages";
import { connectMeetingSocket, type MeetingActionError, send } from "../meeting/meeting-socket";
import { familyKey } from "./family-queries";
import { queryKeysForChange } from "./live-family-keys";

/**
 * How often a page reads the family's outcomes and actions again while
 * realtime cannot tell it of changes (the socket cannot connect or watch):
 * a slow poll, as a fallback only. While watching, nothing polls.
 */
export const fallbackPollMs = 60_000;

type LiveState = "connecting" | "watching" | "down" | "stopped";

/**
 * Keeps a page about one family (the plan page, the family view) up to date
 * without polling: one Socket.io connection asks to watch the family
 * (`family:watch`, again after every reconnection) and, for each `notice`,
 * re-reads the cached queries that kind of change can alter. After a
 * reconnection everything about the family is read again once, so nothing
 * changed while disconnected is missed. Access revoked (or the session ended)
 * stops it for good and says why; signing out closes it with every other live
 * connection. Answers the fallback poll interval for the page's queries:
 * `false` unless the socket is down.
 */
export function useLiveFamily(familyId: string, enabled = true): { pollMs: number | false } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    if (!enabled) return;
    setState("connecting");
    const socket = connectMeetingSocket(globalThis.location.origin, { ownConnection: true });
    let closed = false;
    let watchedBefore = false;
    const close = () => {
      closed = true;
      socket.io.reconnection(false);
      socket.disconnect();
      // The connection is this socket's alone: make sure it goes even when the socket was
      // already disconnected (a refused or server-closed socket leaves it open).
      socket.io.engine?.close();
    };
    const stop = () => {
      setState("stopped");
      close();
    };
    const refresh = (keys: readonly (readonly unknown[])[]) => {
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    };
    const watch = () => {
      send(socket, "family:watch", { familyId }).then(
        () => {
          if (closed) return;
          setState("watching");
          if (watchedBefore) refresh([familyKey(familyId), ["my"]]);
          watchedBefore = true;
        },
        (error: MeetingActionError) => {
          if (closed) return;
          // Not found: the page hears the same from the API and says so; nothing to poll.
          if (error.code === "not_found") stop();
          else setState("down");
        },
      );
    };
    socket.on("connect", watch);
    socket.on("notice", (notice) => {
      if (notice.familyId === familyId) refresh(queryKeysForChange(familyId, notice.resource));
    });
    socket.on("access:revoked", ({ reason }) => {
      reportRefusal({ familyId, message: accessRevokedMessage(reason) });
      stop();
    });
    // As the notifications socket does: a server shutting down closes its sockets itself and
    // Socket.io leaves those to us; revoked access says so first (`access:revoked`).
    socket.on("disconnect", (reason) => {
      if (closed) return;
      setState("down");
      if (reason === "io server disconnect") setTimeout(() => closed || socket.connect(), 1000);
    });
    socket.on("connect_error", (error) => {
      if ((error as { data?: { code?: string } }).data?.code === "unauthenticated") stop();
      else if (!closed) setState("down");
    });
    const unregister = registerLive(close);
    return () => {
      unregister();
      close();
    };
  }, [familyId, enabled, queryClient]);
  return { pollMs: enabled && state === "down" ? fallbackPollMs : false };
}
