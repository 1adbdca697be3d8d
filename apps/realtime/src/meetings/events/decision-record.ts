import { meetingDecisions } from "@teamaround/db";
import {
  AppError,
  authorize,
  type DecisionRecorded,
  DecisionRecordPayload,
} from "@teamaround/domain";
import { meetingRoom } from "../../rooms";
import { auditSocket } from "../audit";
import { assertJoined, assertMayBeInRoom, loadMeetingAccess } from "../load-meeting-access";
import type { EventHandler } from "../meeting-context";

/** `decision:record`: the chair records a decision; stored, then announced. */
export const recordDecision: EventHandler<DecisionRecorded> = async (ctx, payload) => {
  const { socket } = ctx;
  const { meetingId, text } = DecisionRecordPayload.parse(payload);
  assertJoined(socket, meetingId);
  const loaded = await loadMeetingAccess(ctx, socket, meetingId);
  assertMayBeInRoom(loaded);
  authorize(loaded.access, "meeting", "record_decision");
  const { familyId } = loaded.meeting;
  const recordedAt = ctx.now();
  const recordedBy = socket.data.actor.userId;
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(meetingDecisions)
      .values({ meetingId, familyId, text, recordedBy, recordedAt })
      .returning({ id: meetingDecisions.id });
    if (!inserted) throw new AppError("internal", "The decision was not saved.");
    await auditSocket(tx, socket, {
      event: "meeting.decision_record",
      familyId,
      resourceType: "meeting_decision",
      resourceId: inserted.id,
      details: { meetingId },
    });
    return inserted;
  });
  const decision: DecisionRecorded = {
    id: row.id,
    meetingId,
    text,
    recordedBy,
    recordedByName: socket.data.displayName,
    recordedAt: recordedAt.toISOString(),
  };
  ctx.io.to(meetingRoom(meetingId)).emit("decision:recorded", decision);
  return decision;
};
