import { sessionCookieName, sessionIdFromToken } from "@teamaround/auth";
import { type FamilyChangedEvent, Notice } from "@teamaround/domain";
import { readCookie } from "../collab/authenticate";
import type { MeetingServer } from "../meetings/create-meeting-server";
import type { MeetingSocket } from "../meetings/meeting-context";
import { noticeRooms } from "../rooms";

/**
 * The meeting sockets connected to THIS node. Every node hears every event
 * and re-checks its own sockets, so each acts locally: acting through the
 * Redis adapter would repeat every disconnect and notice once per node.
 */
export function localMeetingSockets(meetings: MeetingServer): MeetingSocket[] {
  return [...meetings.io.sockets.sockets.values()];
}

const sessionIds = new WeakMap<MeetingSocket, string | null>();

/** The session a socket signed in with (its id, the SHA-256 of the cookie's token). */
export function sessionIdOf(socket: MeetingSocket): string | null {
  let id = sessionIds.get(socket);
  if (id === undefined) {
    const token = readCookie(socket.handshake.headers.cookie, sessionCookieName);
    id = token ? sessionIdFromToken(token) : null;
    sessionIds.set(socket, id);
  }
  return id;
}

/** The families whose meetings the socket is in, and those it watches (`family:watch`). */
export function familiesOf(socket: MeetingSocket): Set<string> {
  return new Set([...meetingFamiliesOf(socket), ...(socket.data.watching ?? [])]);
}

/** The families whose meetings the socket is in. */
export function meetingFamiliesOf(socket: MeetingSocket): Set<string> {
  return new Set(Object.values(socket.data.meetings ?? {}).map((m) => m.familyId));
}

/** Tells the client why (`access:revoked`, which it can show), then disconnects it. */
export function revokeSocket(socket: MeetingSocket, reason: string, familyId: string | null): void {
  if (socket.disconnected) return;
  socket.emit("access:revoked", { reason, familyId });
  socket.disconnect(true);
}

/**
 * A live notice to this node's sockets in the family's meetings, with the
 * same audience rule as `relayFamilyNotice` (records hidden from the family
 * reach its staff only; a record with a narrower audience within the family,
 * the staff and those members) — which broadcasts through the adapter to every node.
 */
export function emitNoticeLocally(meetings: MeetingServer, event: FamilyChangedEvent): void {
  meetings.io.local.to(noticeRooms(event)).emit("notice", Notice.parse(event));
}
