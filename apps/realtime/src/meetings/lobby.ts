import type { LobbyEntry } from "@teamaround/domain";
import { lobbyRoom, meetingRoom } from "../rooms";
import type { MeetingContext, MeetingIo, MeetingSocket } from "./meeting-context";

/** Who waits in a meeting's lobby (on every node), one entry per person, in name order. */
export async function lobbyOf(io: MeetingIo, meetingId: string): Promise<LobbyEntry[]> {
  const sockets = await io.in(lobbyRoom(meetingId)).fetchSockets();
  const people = new Map<string, LobbyEntry>();
  for (const socket of sockets) {
    const userId = socket.data.actor.userId;
    people.set(userId, { userId, name: socket.data.displayName });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Tells the room (the chair admits) who waits now. */
export async function broadcastLobby(io: MeetingIo, meetingId: string): Promise<void> {
  const waiting = await lobbyOf(io, meetingId);
  io.to(meetingRoom(meetingId)).emit("lobby:update", { meetingId, waiting });
}

/** Puts a socket in a meeting's lobby, and tells the room it waits. */
export async function waitInLobby(
  ctx: MeetingContext,
  socket: MeetingSocket,
  meetingId: string,
): Promise<void> {
  const waitingIn = socket.data.waitingIn ?? [];
  if (!waitingIn.includes(meetingId)) socket.data.waitingIn = [...waitingIn, meetingId];
  await socket.join(lobbyRoom(meetingId));
  await broadcastLobby(ctx.io, meetingId);
}

/** Takes a socket out of a meeting's lobby (it was let in, or it left). */
export async function leaveLobby(
  ctx: MeetingContext,
  socket: MeetingSocket,
  meetingId: string,
): Promise<void> {
  const waitingIn = socket.data.waitingIn ?? [];
  if (!waitingIn.includes(meetingId)) return;
  socket.data.waitingIn = waitingIn.filter((id) => id !== meetingId);
  await socket.leave(lobbyRoom(meetingId));
  await broadcastLobby(ctx.io, meetingId);
}
