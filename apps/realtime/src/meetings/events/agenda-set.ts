import { setAgendaItem } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { meetingRoom } from "../../rooms";
import { sourceOf } from "../audit";
import type { RoomEventHandler } from "../meeting-context";

/** `agenda:set`: the chair moves the meeting to an agenda item (or none); stored, then announced. */
export const setAgenda: RoomEventHandler<"agenda:set"> = async (ctx, payload, { meeting }) => {
  const { meetingId, agendaItemId } = payload;
  if (agendaItemId !== null && !meeting.agenda.some((item) => item.id === agendaItemId)) {
    throw new AppError("unprocessable", "That is not an item of this meeting's agenda.", [
      { path: "agendaItemId", message: "is not an item of this meeting's agenda" },
    ]);
  }
  const set = await setAgendaItem(ctx.db, sourceOf(ctx.socket), {
    meetingId,
    familyId: meeting.familyId,
    agendaItemId,
    at: ctx.now(),
  });
  if (!set) throw new AppError("conflict", "The meeting is no longer live.");
  const current = { meetingId, currentAgendaItemId: agendaItemId };
  ctx.io.to(meetingRoom(meetingId)).emit("agenda:current", current);
  return current;
};
