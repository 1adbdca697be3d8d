import { countUnreadNoticesOf, type Database } from "@teamaround/db";
import type { MeetingServer } from "../meetings/create-meeting-server";
import { notificationsRoom } from "../rooms";

/**
 * Tells this node's sockets watching these people's notices the unread count
 * now (one query for all of them). Every node hears every event and acts on
 * its own sockets only, like the other live notices, so nobody is told twice.
 */
export async function tellNotificationCounts(
  meetings: MeetingServer,
  db: Database,
  userIds: readonly string[],
): Promise<number> {
  const rooms = meetings.io.sockets.adapter.rooms;
  const watching = [...new Set(userIds)].filter((id) => rooms.has(notificationsRoom(id)));
  if (watching.length === 0) return 0;
  const counts = await countUnreadNoticesOf(db, watching);
  for (const [userId, unreadCount] of counts) {
    meetings.io.local.to(notificationsRoom(userId)).emit("notifications:changed", { unreadCount });
  }
  return watching.length;
}
