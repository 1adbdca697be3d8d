import type { Participant } from "@teamaround/domain";
import { meetingRoom } from "../rooms";
import type { MeetingIo } from "./meeting-context";

/**
 * Who is in a meeting room, from the sockets in it (on every node): one entry
 * per person, with a raised hand if any of their connections raised it. Each
 * entry was stamped by the server at join, never taken from a client.
 */
export async function participantsOf(io: MeetingIo, meetingId: string): Promise<Participant[]> {
  const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
  const people = new Map<string, Participant>();
  for (const socket of sockets) {
    const joined = socket.data.meetings?.[meetingId];
    if (!joined) continue;
    const userId = socket.data.actor.userId;
    const already = people.get(userId);
    people.set(userId, {
      userId,
      name: socket.data.displayName,
      role: joined.role,
      agency: socket.data.agencyName,
      handRaised: (already?.handRaised ?? false) || joined.handRaised,
      isChair: joined.role === "lead_professional",
    });
  }
  return [...people.values()].sort(
    (a, b) => Number(b.isChair) - Number(a.isChair) || a.name.localeCompare(b.name),
  );
}

/** Tells everyone in the room who is there now. */
export async function broadcastPresence(io: MeetingIo, meetingId: string): Promise<void> {
  const participants = await participantsOf(io, meetingId);
  io.to(meetingRoom(meetingId)).emit("presence:update", { meetingId, participants });
}
