import { findMeetingWithInvitees, getFamilyAccess, type MeetingWithInvitees } from "@teamaround/db";
import {
  AppError,
  authorizeMeeting,
  type FamilyAccess,
  meetingJoinRefusal,
  notFound,
} from "@teamaround/domain";
import { sessionStillValid } from "./handshake";
import type { MeetingContext, MeetingSocket } from "./meeting-context";

export interface MeetingAccess extends MeetingWithInvitees {
  access: FamilyAccess;
}

/**
 * Loads the meeting and how the socket's person stands towards its family,
 * live, for every event: the session must still be valid, and someone who may
 * not know the family exists is told the meeting does not exist. The session
 * and the meeting are read at the same time (one wait, not two, per chat
 * message); nothing is answered unless the session holds.
 */
export async function loadMeetingAccess(
  ctx: MeetingContext,
  socket: MeetingSocket,
  meetingId: string,
): Promise<MeetingAccess> {
  const [, found] = await Promise.all([
    assertSessionStillValid(ctx, socket),
    findMeetingWithInvitees(ctx.db, meetingId),
  ]);
  if (!found) throw notFound("That meeting");
  const family = await getFamilyAccess(ctx.db, socket.data.actor, found.meeting.familyId);
  if (!family) throw notFound("That meeting");
  // Refused exactly as the HTTP meeting routes refuse: 404 to outsiders (and to a guest, any other meeting).
  authorizeMeeting(family.access, meetingId, "read");
  return { ...found, access: family.access };
}

/** The socket's session must still sign someone in; otherwise it is told why and closed. */
export async function assertSessionStillValid(
  ctx: MeetingContext,
  socket: MeetingSocket,
): Promise<void> {
  if (await sessionStillValid(ctx, socket)) return;
  socket.emit("access:revoked", { reason: "Your session has ended.", familyId: null });
  // After this event's error ack has gone out (acks are sent in this turn's microtasks).
  setImmediate(() => socket.disconnect(true));
  throw new AppError("unauthenticated", "Please sign in again.");
}

/**
 * Everyone in a room must still be allowed in: invited, in the team or the
 * family, and the meeting live. Answers the reason as an error otherwise.
 */
export function assertMayBeInRoom(loaded: MeetingAccess): void {
  const refusal = meetingJoinRefusal(loaded.access, {
    meetingId: loaded.meeting.id,
    familyId: loaded.meeting.familyId,
    state: loaded.meeting.state,
    invitedUserIds: loaded.invitedUserIds,
    invitedMemberIds: loaded.invitedMemberIds,
  });
  if (refusal === "not_allowed") {
    throw new AppError("forbidden", "You may not join this meeting.");
  }
  if (refusal === "not_invited") {
    throw new AppError("forbidden", "You are not invited to this meeting.");
  }
  if (refusal === "not_live") {
    throw new AppError("conflict", `The meeting is ${loaded.meeting.state}, not live.`);
  }
}

/** A socket acts in a meeting only after joining it. */
export function assertJoined(socket: MeetingSocket, meetingId: string): void {
  if (!socket.data.meetings[meetingId]) {
    throw new AppError("forbidden", "Join the meeting first.");
  }
}
