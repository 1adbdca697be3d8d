import {
  closeAttendance,
  insertAttendance,
  isAdmittedFromLobby,
  listMeetingChat,
  listMeetingDecisions,
  type MeetingRow,
} from "@teamaround/db";
import {
  AppError,
  can,
  type MeetingRoomState,
  relationshipOf,
  waitsInLobby,
} from "@teamaround/domain";
import { familyRoomsFor, meetingRoom } from "../../rooms";
import { sourceOf } from "../audit";
import { callPeersOf } from "../call-roster";
import { leaveLobby, lobbyOf, waitInLobby } from "../lobby";
import type { EventContext, MeetingContext, RoomEventHandler } from "../meeting-context";
import { broadcastPresence, participantsOf } from "../presence";

const joining = new WeakMap<object, Set<string>>();

/**
 * `meeting:join`: once the wrapper has checked the session, the person's place
 * in the family, the invitation and that the meeting is live — now, not at
 * connect — records attendance and the audit event, and only then puts the
 * socket in the meeting's room and its family's room. Someone the lobby's
 * rule (`waitsInLobby`) holds back waits in the lobby until the chair lets
 * them in (`lobby:admit`); then they join again and go straight in.
 */
export const joinMeeting: RoomEventHandler<"meeting:join"> = async (ctx, { meetingId }, room) => {
  const { socket } = ctx;
  const { meeting, access } = room;
  if (!socket.data.meetings[meetingId]) {
    const pending = joining.get(socket) ?? new Set<string>();
    if (pending.has(meetingId)) throw new AppError("conflict", "Already joining this meeting.");
    joining.set(socket, pending.add(meetingId));
    try {
      const ref = { meetingId, familyId: meeting.familyId, userId: socket.data.actor.userId };
      if (waitsInLobby(access) && !(await isAdmittedFromLobby(ctx.db, ref))) {
        await waitInLobby(ctx, socket, meetingId);
        return waitingState(meeting);
      }
      await leaveLobby(ctx, socket, meetingId);
      await admit(ctx, meeting, relationshipOf(access), can(access, "sharing", "read_hidden"));
    } finally {
      pending.delete(meetingId);
    }
  }
  return roomState(ctx, meeting);
};

async function admit(
  ctx: EventContext,
  meeting: MeetingRow,
  role: ReturnType<typeof relationshipOf>,
  seesStaffOnlyNotices: boolean,
) {
  const { socket } = ctx;
  const ids = { meetingId: meeting.id, familyId: meeting.familyId };
  const { id: attendanceId } = await insertAttendance(ctx.db, sourceOf(socket), {
    ...ids,
    joinedAt: ctx.now(),
  });
  if (socket.disconnected) {
    await closeAttendance(ctx.db, { attendanceId, familyId: meeting.familyId, leftAt: ctx.now() });
    throw new AppError("conflict", "The connection closed while joining.");
  }
  socket.data.meetings[meeting.id] = {
    familyId: meeting.familyId,
    role,
    attendanceId,
    handRaised: false,
  };
  // A guest partner hears the meeting's room only, never the family's notices.
  const familyRooms =
    role === "guest" ? [] : familyRoomsFor(meeting.familyId, seesStaffOnlyNotices);
  await socket.join([meetingRoom(meeting.id), ...familyRooms]);
  await broadcastPresence(ctx.io, meeting.id);
}

async function roomState(ctx: MeetingContext, meeting: MeetingRow): Promise<MeetingRoomState> {
  const [chat, decisions] = await Promise.all([
    listMeetingChat(ctx.db, meeting.familyId, meeting.id),
    listMeetingDecisions(ctx.db, meeting.familyId, meeting.id),
  ]);
  return {
    meetingId: meeting.id,
    familyId: meeting.familyId,
    state: meeting.state,
    agenda: meeting.agenda,
    currentAgendaItemId: meeting.currentAgendaItemId,
    participants: await participantsOf(ctx.io, meeting.id),
    chat: chat.map((message) => ({ ...message, meetingId: meeting.id })),
    decisions: decisions.map((decision) => ({ ...decision, meetingId: meeting.id })),
    waiting: false,
    lobby: await lobbyOf(ctx.io, meeting.id),
    call: await callPeersOf(ctx.io, meeting.id),
  };
}

/** What someone waiting in the lobby is told: nothing of the room yet. */
function waitingState(meeting: MeetingRow): MeetingRoomState {
  return {
    meetingId: meeting.id,
    familyId: meeting.familyId,
    state: meeting.state,
    agenda: [],
    currentAgendaItemId: null,
    participants: [],
    chat: [],
    decisions: [],
    waiting: true,
    lobby: [],
    call: [],
  };
}
