import { recordLobbyDecision } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { lobbyRoom, userRoom } from "../../rooms";
import { sourceOf } from "../audit";
import { broadcastLobby, lobbyOf } from "../lobby";
import type { EventContext, RoomEventHandler } from "../meeting-context";

/**
 * The chair's answer to someone waiting in the lobby: stored with its audit
 * event first; then the person's connections leave the lobby and are told
 * (admitted: they join again and go straight in), and the room sees who waits.
 */
async function decide(
  ctx: EventContext,
  payload: { meetingId: string; userId: string },
  familyId: string,
  admit: boolean,
): Promise<null> {
  const { meetingId, userId } = payload;
  const waiting = await lobbyOf(ctx.io, meetingId);
  if (!waiting.some((entry) => entry.userId === userId)) {
    throw new AppError("not_found", "That person is not waiting in the lobby.");
  }
  await recordLobbyDecision(ctx.db, sourceOf(ctx.socket), {
    meetingId,
    familyId,
    userId,
    admit,
    at: ctx.now(),
  });
  ctx.io.in(userRoom(userId)).socketsLeave(lobbyRoom(meetingId));
  ctx.io.to(userRoom(userId)).emit(admit ? "lobby:admitted" : "lobby:declined", { meetingId });
  await broadcastLobby(ctx.io, meetingId);
  return null;
}

/** `lobby:admit`: the chair lets someone in. */
export const admitFromLobby: RoomEventHandler<"lobby:admit"> = (ctx, payload, { meeting }) =>
  decide(ctx, payload, meeting.familyId, true);

/** `lobby:decline`: the chair turns someone away (they may ask again by joining). */
export const declineFromLobby: RoomEventHandler<"lobby:decline"> = (ctx, payload, { meeting }) =>
  decide(ctx, payload, meeting.familyId, false);
