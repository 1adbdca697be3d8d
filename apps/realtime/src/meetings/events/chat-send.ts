import { meetingChatMessages } from "@teamaround/db";
import { AppError, authorize, type ChatMessage, ChatSendPayload } from "@teamaround/domain";
import { meetingRoom } from "../../rooms";
import { auditSocket } from "../audit";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "../load-meeting-access";
import type { EventHandler } from "../meeting-context";

/** `chat:send`: stored (with its audit event) before anyone receives it as `chat:message`. */
export const sendChat: EventHandler<ChatMessage> = async (ctx, payload) => {
  const { socket } = ctx;
  if (!ctx.limits.chat.take(ctx.now().getTime())) {
    throw new AppError("too_many_requests", "You are sending messages too fast; wait a moment.");
  }
  const { meetingId, body } = ChatSendPayload.parse(payload);
  assertJoined(socket, meetingId);
  const loaded = await loadMeetingAccess(ctx, socket, meetingId);
  assertMayBeInRoom(loaded);
  authorize(loaded.access, "meeting", "chat");
  const { familyId } = loaded.meeting;
  const sentAt = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(meetingChatMessages)
      .values({ meetingId, familyId, authorUserId: socket.data.actor.userId, body, sentAt })
      .returning({ id: meetingChatMessages.id });
    if (!inserted) throw new AppError("internal", "The message was not saved.");
    await auditSocket(tx, socket, {
      event: "meeting.chat",
      familyId,
      resourceType: "meeting_chat_message",
      resourceId: inserted.id,
      details: { meetingId },
    });
    return inserted;
  });
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
