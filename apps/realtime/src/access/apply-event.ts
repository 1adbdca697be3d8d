import type { Database } from "@teamaround/db";
import {
  type AccessRevokedEvent,
  type FamilyChangedEvent,
  type RealtimeEvent,
  realtimeCloseCodes,
} from "@teamaround/domain";
import type { Logger } from "pino";
import type { CollabServer } from "../collab/collab-server";
import type { MeetingServer } from "../meetings/create-meeting-server";
import type { MeetingSocket } from "../meetings/meeting-context";
import {
  emitNoticeLocally,
  familiesOf,
  localMeetingSockets,
  revokeSocket,
  sessionIdOf,
} from "./meeting-sockets";
import { tellNotificationCounts } from "./notification-counts";

export interface EventTargets {
  collab: CollabServer;
  meetings: MeetingServer;
  logger: Logger;
  /** Reads the unread counts of people whose notices changed. */
  db: Database;
}

/** What the API announced, applied to this node's connections. */
export function applyRealtimeEvent(
  targets: EventTargets,
  event: RealtimeEvent,
): void | Promise<void> {
  if (event.type === "access.revoked") revoke(targets, event);
  else if (event.type === "notifications.changed") {
    return tellNotificationCounts(targets.meetings, targets.db, event.userIds).then(() => {});
  } else notify(targets, event);
}

/**
 * Closes the Yjs connections the event names (4401 when only sessions ended:
 * signing in again helps; 4403 otherwise) and tells the matching meeting
 * sockets `access:revoked` with the reason before disconnecting them.
 */
function revoke({ collab, meetings, logger }: EventTargets, event: AccessRevokedEvent): void {
  const { familyId, userIds, sessionIds, reason } = event;
  const onlySessions = Boolean(sessionIds) && !userIds && !familyId;
  const code = onlySessions ? realtimeCloseCodes.notSignedIn : realtimeCloseCodes.forbidden;
  const documents = collab.closeConnectionsFor({ familyId, userIds, sessionIds }, reason, code);
  let sockets = 0;
  for (const socket of localMeetingSockets(meetings)) {
    if (!socketMatches(socket, event)) continue;
    revokeSocket(socket, reason, familyId ?? null);
    sockets++;
  }
  if (documents + sockets > 0) {
    logger.info({ familyId, documents, sockets, reason }, "closed connections: access revoked");
  }
}

function socketMatches(socket: MeetingSocket, event: AccessRevokedEvent): boolean {
  const { familyId, userIds, sessionIds } = event;
  if (userIds && !userIds.includes(socket.data.actor.userId)) return false;
  if (sessionIds && !sessionIds.includes(sessionIdOf(socket) ?? "")) return false;
  return !familyId || familiesOf(socket).has(familyId);
}

/**
 * A live notice in the family's meeting rooms; it names the record, and
 * clients re-read it. A record narrower than the whole family is announced
 * only to those who may see it (`noticeRooms`).
 */
function notify({ meetings }: EventTargets, event: FamilyChangedEvent): void {
  emitNoticeLocally(meetings, event);
}
