import { countUnreadNotices } from "@teamaround/db";
import { notificationsRoom } from "../../rooms";
import type { SelfEventHandler } from "../meeting-context";

/**
 * `notifications:watch`: the socket joins its own person's notices room (the
 * server names it from the session; a client never names a room) and hears
 * `notifications:changed` from then on. Answers the unread count now.
 */
export const watchNotifications: SelfEventHandler<"notifications:watch"> = async (ctx) => {
  const { userId } = ctx.socket.data.actor;
  await ctx.socket.join(notificationsRoom(userId));
  return { unreadCount: await countUnreadNotices(ctx.db, userId) };
};
