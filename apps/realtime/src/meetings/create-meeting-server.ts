import type { Server as HttpServer } from "node:http";
import { type FamilyChangedEvent, MeetingEmptied, Notice } from "@teamaround/domain";
import { Server } from "socket.io";
import { familyRoom, noticeRooms, userRoom } from "../rooms";
import { forgetEndedMeeting } from "./events/meeting-end";
import { registerMeetingEvents } from "./handle-event";
import { allowRequestFrom, authenticateSocket } from "./handshake";
import { afterDisconnect } from "./leave";
import type { MeetingContext, MeetingIo, MeetingServerDeps } from "./meeting-context";
import { defaultRateLimits } from "./rate-limit";

export const meetingPath = "/socket.io";
/** Largest message a client may send; chat and decisions are far smaller. */
export const maxMessageBytes = 64 * 1024;

export interface MeetingFilter {
  userId?: string;
  familyId?: string;
}

export interface MeetingServer {
  /** Serves `/socket.io` on this HTTP server, leaving every other path and upgrade alone. */
  attach(server: HttpServer): void;
  io: MeetingIo;
  /**
   * Tells matching sockets `access:revoked` with the reason, then disconnects
   * them: a person (`userId`), everyone in a family's meetings (`familyId`),
   * or a person in one family's meetings (both). Answers how many.
   */
  disconnectWhere(filter: MeetingFilter, reason: string): Promise<number>;
  /**
   * Emits a live notice (something changed through the API) to everyone in the
   * family's meetings; notices about records hidden from the family (the
   * sharing register) reach its staff only.
   */
  relayFamilyNotice(
    familyId: string,
    notice: Notice & Pick<FamilyChangedEvent, "familySeenBy">,
  ): void;
  /** Disconnects everyone and waits for their attendance to be closed. Leaves the HTTP server open. */
  close(): Promise<void>;
}

/**
 * The Socket.io meeting rooms. WebSocket transport only: no long-polling, so
 * no sticky sessions between nodes and no cookie-bearing polling requests.
 */
export function createMeetingServer(deps: MeetingServerDeps): MeetingServer {
  const io: MeetingIo = new Server({
    path: meetingPath,
    serveClient: false,
    transports: ["websocket"],
    maxHttpBufferSize: maxMessageBytes,
    allowRequest: allowRequestFrom(deps.config.publicOrigin),
    cookie: false,
  });
  const pending = new Set<Promise<unknown>>();
  const ctx: MeetingContext = {
    ...deps,
    io,
    accessCache: deps.config.accessCache ?? null,
    rateLimits: { ...defaultRateLimits, ...deps.config.rateLimits },
    track(work) {
      const tracked = work.catch((error: unknown) => {
        deps.logger.error({ err: error }, "meeting cleanup failed");
      });
      pending.add(tracked);
      void tracked.finally(() => pending.delete(tracked));
    },
  };

  // From other nodes, through the adapter: checked like anything that arrives.
  io.on("meeting:emptied", (payload: unknown) => {
    const parsed = MeetingEmptied.safeParse(payload);
    if (!parsed.success) {
      deps.logger.warn("realtime: a malformed meeting:emptied from another node was ignored");
      return;
    }
    ctx.track(forgetEndedMeeting(io, parsed.data));
  });
  io.use(authenticateSocket(deps));
  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.actor.userId));
    registerMeetingEvents(ctx, socket);
    socket.on("disconnect", () => ctx.track(afterDisconnect(ctx, socket)));
  });

  return {
    io,
    attach(server) {
      // Other upgrades on this server (the Yjs documents) are not ours to close.
      io.attach(server, { destroyUpgrade: false });
    },
    async disconnectWhere(filter, reason) {
      const { userId, familyId } = filter;
      if (!userId && !familyId) return 0;
      const room = userId ? userRoom(userId) : familyRoom(familyId ?? "");
      let sockets = await io.in(room).fetchSockets();
      if (userId && familyId) sockets = sockets.filter((s) => s.rooms.has(familyRoom(familyId)));
      for (const socket of sockets) {
        socket.emit("access:revoked", { reason, familyId: familyId ?? null });
        socket.disconnect(true);
      }
      return sockets.length;
    },
    relayFamilyNotice(familyId, notice) {
      const parsed = Notice.parse({ ...notice, familyId });
      io.to(noticeRooms({ ...notice, familyId })).emit("notice", parsed);
    },
    async close() {
      // This node's sockets only: through the Redis adapter, `io.disconnectSockets`
      // would ask every node to drop every meeting socket.
      io.local.disconnectSockets(true);
      await Promise.all([...pending]);
      io.engine?.close();
    },
  };
}
