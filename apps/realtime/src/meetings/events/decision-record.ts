import { insertDecision } from "@teamaround/db";
import type { DecisionRecorded } from "@teamaround/domain";
import { meetingRoom } from "../../rooms";
import { sourceOf } from "../audit";
import type { RoomEventHandler } from "../meeting-context";

/** `decision:record`: the chair records a decision; stored, then announced. */
export const recordDecision: RoomEventHandler<"decision:record"> = async (
  ctx,
  payload,
  { meeting },
) => {
  const { socket } = ctx;
  const { meetingId, text } = payload;
  const recordedAt = ctx.now();
  const row = await insertDecision(ctx.db, sourceOf(socket), {
    meetingId,
    familyId: meeting.familyId,
    text,
    recordedAt,
  });
  const decision: DecisionRecorded = {
    id: row.id,
    meetingId,
    text,
    recordedBy: socket.data.actor.userId,
    recordedByName: socket.data.displayName,
    recordedAt: recordedAt.toISOString(),
  };
  ctx.io.to(meetingRoom(meetingId)).emit("decision:recorded", decision);
  return decision;
};
