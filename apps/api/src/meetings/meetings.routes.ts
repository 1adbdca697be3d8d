import { createRoute, z } from "@hono/zod-openapi";
import { listApologies } from "@teamaround/db";
import {
  authorize,
  authorizeMeeting,
  FamilyAbilitiesSchema,
  type FamilyAccess,
  notFound,
} from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { type FamilyRow, loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { createMeeting } from "./commands/create-meeting";
import { loadMeetingDetail } from "./commands/load-meeting-detail";
import { loadMeetings } from "./commands/load-meetings";
import { hasUpcomingMeeting, loadNextMeetingDue } from "./commands/meeting-due";
import { updateMeeting } from "./commands/update-meeting";
import {
  CreateMeetingBody,
  MeetingDetailSchema,
  MeetingParams,
  MeetingSchema,
  NextMeetingDueSchema,
  UpdateMeetingBody,
} from "./meetings.schema";
import { presentMeeting, presentNextMeetingDue } from "./present-meeting";
import { presentApologies } from "./present-record";

const tags = ["Meetings"];
const MeetingWithAbilities = z.object({ data: MeetingSchema, abilities: FamilyAbilitiesSchema });

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/meetings",
  tags,
  summary: "The family's TAC meetings, newest first, and when the next one falls due",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(MeetingSchema),
        nextReviewDue: NextMeetingDueSchema.nullable(),
        abilities: FamilyAbilitiesSchema,
      }),
      "The meetings",
    ),
    ...errorResponses(404),
  },
});

const createMeetingRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/meetings",
  tags,
  summary: "Schedule a TAC meeting; the lead professional chairs it",
  request: { params: FamilyParams, body: jsonBody(CreateMeetingBody) },
  responses: {
    201: jsonResponse(MeetingWithAbilities, "The scheduled meeting, with a timeliness warning"),
    ...errorResponses(403, 404, 422),
  },
});

const readRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/meetings/{meetingId}",
  tags,
  summary: "One meeting with invitees, attendance, chat and decisions",
  request: { params: MeetingParams },
  responses: {
    200: jsonResponse(
      z.object({ data: MeetingDetailSchema, abilities: FamilyAbilitiesSchema }),
      "The meeting",
    ),
    ...errorResponses(404),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/families/{familyId}/meetings/{meetingId}",
  tags,
  summary: "Reschedule a meeting or change its agenda, place, notes or invitees",
  request: { params: MeetingParams, body: jsonBody(UpdateMeetingBody) },
  responses: {
    200: jsonResponse(MeetingWithAbilities, "The updated meeting"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export async function presentOneMeeting(
  db: Parameters<typeof loadMeetings>[0],
  family: FamilyRow,
  access: FamilyAccess,
  meetingId: string,
) {
  const [loaded] = await loadMeetings(db, family.id, { meetingId });
  if (!loaded) throw notFound("That meeting");
  return withAbilities(presentMeeting(loaded, await loadNextMeetingDue(db, family)), access);
}

export function registerMeetingRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "read");
    const loaded = await loadMeetings(db, familyId);
    const due = await loadNextMeetingDue(db, family);
    const upcoming = await hasUpcomingMeeting(db, familyId);
    await recordAudit(db, c, { event: "meeting.list", familyId, resourceType: "meeting" });
    return c.json(
      {
        ...withAbilities(
          loaded.map((m) => presentMeeting(m, due)),
          access,
        ),
        nextReviewDue: presentNextMeetingDue(due, now(), upcoming),
      },
      200,
    );
  });

  app.openapi(createMeetingRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "schedule");
    const meetingId = await createMeeting(c, { familyId, chairUserId: actor.userId, body });
    await publishFamilyChange(c, familyId, "meeting", meetingId, "created");
    return c.json(await presentOneMeeting(db, family, access, meetingId), 201);
  });

  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorizeMeeting(access, meetingId, "read");
    const detail = {
      ...(await loadMeetingDetail(db, family, meetingId)),
      apologies: presentApologies(await listApologies(db, familyId, meetingId), access),
    };
    await recordAudit(db, c, {
      event: "meeting.read",
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
    });
    return c.json(withAbilities(detail, access), 200);
  });

  app.openapi(updateRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "update");
    await updateMeeting(c, { familyId, meetingId, body });
    await publishFamilyChange(c, familyId, "meeting", meetingId, "updated");
    return c.json(await presentOneMeeting(db, family, access, meetingId), 200);
  });
}
