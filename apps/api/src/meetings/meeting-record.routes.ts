import { createRoute, z } from "@hono/zod-openapi";
import {
  getMeeting,
  hasAttended,
  insertApology,
  insertRecordResponse,
  listApologies,
  listRecordResponses,
} from "@teamaround/db";
import {
  AppError,
  authorize,
  FamilyAbilitiesSchema,
  notFound,
  recordResponseRefusal,
  recordResponseRefusalMessages,
} from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { loadPlanItemSight } from "../shared/family-audience";
import { assertInvitee } from "./commands/assert-invitee";
import { loadMeetingRecord } from "./commands/load-record";
import {
  ApologySchema,
  MeetingRecordSchema,
  RecordApologyBody,
  RecordResponseBody,
} from "./meeting-record.schema";
import { MeetingParams } from "./meetings.schema";
import { presentApologies, presentMeetingRecord } from "./present-record";

const tags = ["Meetings"];

const readRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/meetings/{meetingId}/record",
  tags,
  summary: "A held meeting's record: attendance, apologies, decisions, actions agreed, responses",
  description:
    "Family members see it without apology reasons and without practitioners' comments. A meeting that has not ended has no record (409).",
  request: { params: MeetingParams },
  responses: {
    200: jsonResponse(
      z.object({ data: MeetingRecordSchema, abilities: FamilyAbilitiesSchema }),
      "The record",
    ),
    ...errorResponses(404, 409),
  },
});

const apologyRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/meetings/{meetingId}/apologies",
  tags,
  summary: "Record that an invitee cannot come, and why (the chair, before or during the meeting)",
  request: { params: MeetingParams, body: jsonBody(RecordApologyBody) },
  responses: {
    201: jsonResponse(
      z.object({ data: ApologySchema, abilities: FamilyAbilitiesSchema }),
      "The apology as recorded",
    ),
    ...errorResponses(403, 404, 409, 422),
  },
});

const respondRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/meetings/{meetingId}/record/responses",
  tags,
  summary:
    "Confirm a held meeting's record is accurate, or comment on it (attendees, within a week)",
  description:
    "Appended under the record, which never changes. A confirmation is given once (409 after); the week after the meeting ended is the limit (409 after).",
  request: { params: MeetingParams, body: jsonBody(RecordResponseBody) },
  responses: {
    201: jsonResponse(
      z.object({ data: MeetingRecordSchema, abilities: FamilyAbilitiesSchema }),
      "The record with the response under it",
    ),
    ...errorResponses(403, 404, 409),
  },
});

export function registerMeetingRecordRoutes(app: ApiApp): void {
  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "read");
    const loaded = await loadMeetingRecord(db, familyId, meetingId, actor.userId);
    await recordAudit(db, c, {
      event: "meeting_record.read",
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
    });
    return c.json(
      withAbilities(
        presentMeetingRecord(loaded, access, now(), await loadPlanItemSight(db, access)),
        access,
      ),
      200,
    );
  });

  app.openapi(apologyRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const { person, reason } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "record_apology");
    const at = now();
    const id = await db.transaction(async (tx) => {
      const meeting = await getMeeting(tx, familyId, meetingId, { forUpdate: true });
      if (!meeting) throw notFound("That meeting");
      if (meeting.state !== "scheduled" && meeting.state !== "live") {
        throw new AppError("conflict", "Apologies are recorded before or during the meeting.");
      }
      const who =
        person.kind === "practitioner" ? { userId: person.userId } : { memberId: person.memberId };
      await assertInvitee(tx, familyId, meetingId, who);
      const row = await insertApology(tx, {
        familyId,
        meetingId,
        person: who,
        reason,
        recordedBy: actor.userId,
        at,
      });
      if (!row) throw new AppError("conflict", "Their apologies are already recorded.");
      await recordAudit(tx, c, {
        event: "meeting.apology.record",
        familyId,
        resourceType: "meeting",
        resourceId: meetingId,
        details: { apologyId: row.id, ...who },
      });
      return row.id;
    });
    await publishFamilyChange(c, familyId, "meeting", meetingId, "updated");
    const apologies = presentApologies(await listApologies(db, familyId, meetingId), access);
    const data = apologies.find((a) => a.id === id);
    if (!data) throw new AppError("internal", "The apology was not saved.");
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(respondRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "respond_record");
    const at = now();
    await db.transaction(async (tx) => {
      const meeting = await getMeeting(tx, familyId, meetingId);
      if (!meeting) throw notFound("That meeting");
      const mine = await listRecordResponses(tx, familyId, meetingId);
      const refusal = recordResponseRefusal({
        endedAt: meeting.state === "ended" ? meeting.endedAt : null,
        attended: await hasAttended(tx, familyId, meetingId, actor.userId),
        alreadyConfirmed: mine.some((r) => r.userId === actor.userId && r.kind === "confirmed"),
        kind: body.kind,
        now: at,
      });
      if (refusal) {
        const code = refusal === "not_attended" ? "forbidden" : "conflict";
        throw new AppError(code, recordResponseRefusalMessages[refusal]);
      }
      const comment = body.kind === "commented" ? body.comment : null;
      const row = await insertRecordResponse(tx, {
        familyId,
        meetingId,
        userId: actor.userId,
        kind: body.kind,
        comment,
        at,
      });
      if (!row) throw new AppError("conflict", recordResponseRefusalMessages.already_confirmed);
      await recordAudit(tx, c, {
        event: `meeting_record.${body.kind === "confirmed" ? "confirm" : "comment"}`,
        familyId,
        resourceType: "meeting",
        resourceId: meetingId,
        details: { responseId: row.id },
      });
    });
    await publishFamilyChange(c, familyId, "meeting", meetingId, "updated");
    const loaded = await loadMeetingRecord(db, familyId, meetingId, actor.userId);
    return c.json(
      withAbilities(
        presentMeetingRecord(loaded, access, now(), await loadPlanItemSight(db, access)),
        access,
      ),
      201,
    );
  });
}
