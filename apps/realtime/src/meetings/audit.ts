import type { RealtimeSource } from "@teamaround/db";
import { clientAddressOf } from "./handshake";
import type { MeetingSocket } from "./meeting-context";

/** The socket's person and connection, as `packages/db` records them in the audit log. */
export function sourceOf(socket: MeetingSocket): RealtimeSource {
  return {
    actor: socket.data.actor,
    ipAddress: clientAddressOf(socket),
    userAgent: socket.handshake.headers["user-agent"]?.slice(0, 300) ?? null,
  };
}
