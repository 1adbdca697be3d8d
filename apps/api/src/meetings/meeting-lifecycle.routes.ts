import { createRoute, z } from "@hono/zod-openapi";
import { authorize, FamilyAbilitiesSchema } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { changeMeetingState } from "./commands/change-meeting-state";
import { presentOneMeeting } from "./meetings.routes";
import { MeetingParams, MeetingSchema, MeetingStateChangeBody } from "./meetings.schema";

const tags = ["Meetings"];
const MeetingWithAbilities = z.object({ data: MeetingSchema, abilities: FamilyAbilitiesSchema });

function stateRoute(path: "start" | "cancel", summary: string) {
  return createRoute({
    method: "post",
    path: `/api/families/{familyId}/meetings/{meetingId}/${path}`,
    tags,
    summary,
    request: { params: MeetingParams, body: jsonBody(MeetingStateChangeBody) },
    responses: {
      200: jsonResponse(MeetingWithAbilities, "The meeting after the change"),
      ...errorResponses(403, 404, 409),
    },
  });
}

const startRoute = stateRoute("start", "Open the live room of a scheduled meeting (the chair)");
const cancelRoute = stateRoute("cancel", "Cancel a scheduled meeting");

export function registerMeetingLifecycleRoutes(app: ApiApp): void {
  for (const [route, change] of [
    [startRoute, "start"],
    [cancelRoute, "cancel"],
  ] as const) {
    app.openapi(route, async (c) => {
      const actor = requireActor(c);
      const { familyId, meetingId } = c.req.valid("param");
      const { version } = c.req.valid("json");
      const { db } = c.var.deps;
      const { family, access } = await loadFamilyAccess(db, actor, familyId);
      authorize(access, "meeting", change);
      await changeMeetingState(c, { familyId, meetingId, version, change });
      await publishFamilyChange(c, familyId, "meeting", meetingId, "updated");
      return c.json(await presentOneMeeting(db, family, access, meetingId), 200);
    });
  }
}
