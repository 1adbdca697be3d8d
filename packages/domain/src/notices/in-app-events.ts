import { z } from "zod";

/**
 * `notifications:watch`: a socket asks to hear of its own person's in-app
 * notices. Nothing to name — the server knows who the socket is and builds
 * the room itself — so the payload is an empty object and anything in it is
 * refused.
 */
export const NotificationsWatchPayload = z.strictObject({});
export type NotificationsWatchPayload = z.infer<typeof NotificationsWatchPayload>;

/** What a watching socket is told: how many of its person's in-app notices are unread now. */
export interface NotificationsCount {
  unreadCount: number;
}
