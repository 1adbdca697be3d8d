import { meetings } from "@teamaround/db";
import { type AgendaCurrent, AgendaSetPayload, AppError, authorize } from "@teamaround/domain";
import { and, eq, sql } from "drizzle-orm";
import { meetingRoom } from "../../rooms";
import { auditSocket } from "../audit";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "../load-meeting-access";
import type { EventHandler } from "../meeting-context";

/** `agenda:set`: the chair moves the meeting to an agenda item (or none); stored, then announced. */
export const setAgenda: EventHandler<AgendaCurrent> = async (ctx, payload) => {
  const { socket } = ctx;
  const { meetingId, agendaItemId } = AgendaSetPayload.parse(payload);
  assertJoined(socket, meetingId);
  const loaded = await loadMeetingAccess(ctx, socket, meetingId);
  assertMayBeInRoom(loaded);
  authorize(loaded.access, "meeting", "set_agenda");
  const { meeting } = loaded;
  if (agendaItemId !== null && !meeting.agenda.some((item) => item.id === agendaItemId)) {
    throw new AppError("unprocessable", "That is not an item of this meeting's agenda.", [
      { path: "agendaItemId", message: "is not an item of this meeting's agenda" },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(meetings)
      .set({
        currentAgendaItemId: agendaItemId,
        version: sql`${meetings.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(
        and(
          eq(meetings.id, meetingId),
          eq(meetings.familyId, meeting.familyId),
          eq(meetings.state, "live"),
        ),
      )
      .returning({ id: meetings.id });
    if (updated.length === 0) throw new AppError("conflict", "The meeting is no longer live.");
    await auditSocket(tx, socket, {
      event: "meeting.agenda_set",
      familyId: meeting.familyId,
      resourceType: "meeting",
      resourceId: meetingId,
      details: { agendaItemId },
    });
  });
  const current = { meetingId, currentAgendaItemId: agendaItemId };
  ctx.io.to(meetingRoom(meetingId)).emit("agenda:current", current);
  return current;
};
