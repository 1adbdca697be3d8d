import { createRoute } from "@hono/zod-openapi";
import { getNoticePreferences, saveNoticePreferences } from "@teamaround/db";
import {
  type Actor,
  authorizeGlobal,
  globalAbilities,
  type NoticePreferences,
  optionalNoticeKindsFor,
} from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { NoticePreferencesResponse, UpdateNoticePreferencesBody } from "./notifications.schema";

const tags = ["Me"];

const readRoute = createRoute({
  method: "get",
  path: "/api/me/notice-preferences",
  tags,
  summary: "When my notices of the day come, and which optional notices I get by email",
  responses: {
    200: jsonResponse(NoticePreferencesResponse, "My notice preferences"),
    ...errorResponses(403),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/me/notice-preferences",
  tags,
  summary: "Change my digest time or which optional notices I get by email",
  description:
    "Only the optional kinds can be turned off (new sign-ins from a new browser among them); invitations, password changes and safeguarding notices (such as consent withdrawn) always come. In-app notices always come.",
  request: { body: jsonBody(UpdateNoticePreferencesBody) },
  responses: {
    200: jsonResponse(NoticePreferencesResponse, "My notice preferences"),
    ...errorResponses(403),
  },
});

/** What I chose, and the optional kinds someone of my role can be sent (the page offers those). */
function present(preferences: NoticePreferences, actor: Actor) {
  return { ...preferences, optionalKinds: optionalNoticeKindsFor(actor.role) };
}

export function registerNoticePreferenceRoutes(app: ApiApp): void {
  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_notice_preferences", "read");
    const preferences = await getNoticePreferences(c.var.deps.db, actor.userId);
    return c.json({ data: present(preferences, actor), abilities: globalAbilities(actor) }, 200);
  });

  app.openapi(updateRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_notice_preferences", "update");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const saved = await db.transaction(async (tx) => {
      const current = await getNoticePreferences(tx, actor.userId);
      const next: NoticePreferences = {
        digestTime: body.digestTime ?? current.digestTime,
        emailOff: body.emailOff ? [...new Set(body.emailOff)] : current.emailOff,
      };
      await saveNoticePreferences(tx, actor.userId, next, now());
      await recordAudit(tx, c, {
        event: "notice_preferences.update",
        resourceType: "user",
        resourceId: actor.userId,
        details: { changed: Object.keys(body) },
      });
      return next;
    });
    return c.json({ data: present(saved, actor), abilities: globalAbilities(actor) }, 200);
  });
}
