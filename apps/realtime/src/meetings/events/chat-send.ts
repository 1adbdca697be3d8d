import { insertChatMessage } from "@teamaround/db";
import { AppError, type ChatMessage } from "@teamaround/domain";
import { meetingRoom } from "../../rooms";
import { sourceOf } from "../audit";
import type { RoomEventHandler } from "../meeting-context";

/**
 * `chat:send`: stored (with its audit event) before anyone receives it as
 * `chat:message`. The write itself checks the meeting is still live, so a
 * message sent as the meeting ends is refused, never stored after it.
 */
export const sendChat: RoomEventHandler<"chat:send"> = async (ctx, payload, { meeting }) => {
  const { socket } = ctx;
  const { meetingId, body } = payload;
  const sentAt = ctx.now();
  const row = await insertChatMessage(ctx.db, sourceOf(socket), {
    meetingId,
    familyId: meeting.familyId,
    body,
    sentAt,
  });
  if (!row) throw new AppError("conflict", "The meeting is no longer live.");
  const message: ChatMessage = {
    id: row.id,
    meetingId,
    authorUserId: socket.data.actor.userId,
    authorName: socket.data.displayName,
    body,
    sentAt: sentAt.toISOString(),
  };
  ctx.io.to(meetingRoom(meetingId)).emit("chat:message", message);
  return message;
};
