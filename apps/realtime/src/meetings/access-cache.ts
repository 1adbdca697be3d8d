import type { FamilyAccess } from "@teamaround/domain";
import type { MeetingAccess } from "./load-meeting-access";
import type { MeetingSocket } from "./meeting-context";

/**
 * How long a socket's meeting access, once read, may answer its frequent
 * events (`chat:send`, `call:signal`) without reading the database again.
 * Only with the access re-check running: each pass that keeps a socket
 * refreshes its family access here (`confirmMeetingAccess`), and an entry no
 * pass has confirmed within `confirmWithinMs` is read again. The meeting
 * itself (state, invitees — fixed while it is live) is read again after
 * `reloadAfterMs`. Access events (sign-out, removal, consent withdrawn)
 * disconnect the socket at once, and the cache with it.
 */
export interface AccessCacheTimes {
  confirmWithinMs: number;
  reloadAfterMs: number;
}

interface Entry {
  loaded: MeetingAccess;
  loadedAt: number;
  confirmedAt: number;
}

const caches = new WeakMap<MeetingSocket, Map<string, Entry>>();

/** The socket's access to the meeting if read recently enough; null: read it again. */
export function cachedMeetingAccess(
  socket: MeetingSocket,
  meetingId: string,
  now: number,
  times: AccessCacheTimes,
): MeetingAccess | null {
  const entry = caches.get(socket)?.get(meetingId);
  if (!entry) return null;
  if (
    now - entry.confirmedAt > times.confirmWithinMs ||
    now - entry.loadedAt > times.reloadAfterMs
  ) {
    caches.get(socket)?.delete(meetingId);
    return null;
  }
  return entry.loaded;
}

/** Keeps what an event just read from the database. */
export function rememberMeetingAccess(socket: MeetingSocket, loaded: MeetingAccess, now: number) {
  let cache = caches.get(socket);
  if (!cache) {
    cache = new Map();
    caches.set(socket, cache);
  }
  cache.set(loaded.meeting.id, { loaded, loadedAt: now, confirmedAt: now });
}

/** The re-check read the socket's access to the family again and kept the socket: the entries take it. */
export function confirmMeetingAccess(
  socket: MeetingSocket,
  familyId: string,
  access: FamilyAccess,
  now: number,
): void {
  for (const entry of caches.get(socket)?.values() ?? []) {
    if (entry.loaded.meeting.familyId !== familyId) continue;
    entry.loaded = { ...entry.loaded, access };
    entry.confirmedAt = now;
  }
}

/** Drops what the socket knows of a meeting it left, or of every meeting. */
export function forgetMeetingAccess(socket: MeetingSocket, meetingId?: string): void {
  if (meetingId === undefined) caches.delete(socket);
  else caches.get(socket)?.delete(meetingId);
}
