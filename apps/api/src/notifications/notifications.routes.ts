import { createRoute } from "@hono/zod-openapi";
import {
  countUnreadNotices,
  listInAppNotices,
  markAllInAppNoticesRead,
  markInAppNoticeRead,
} from "@teamaround/db";
import { authorizeGlobal, globalAbilities, notFound } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAfterCommit } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import {
  NoFields,
  NotificationParams,
  NotificationsPage,
  NotificationsQuery,
  UnreadCountResponse,
} from "./notifications.schema";
import { presentNotifications } from "./present-notifications";

const tags = ["Me"];
const pageSize = 20;

const listRoute = createRoute({
  method: "get",
  path: "/api/me/notifications",
  tags,
  summary: "My in-app notices, newest first, with how many are unread",
  description:
    "Each is checked against my access now: one about a family I may no longer see has no detail and no link.",
  request: { query: NotificationsQuery },
  responses: {
    200: jsonResponse(NotificationsPage, "One page of my notices"),
    ...errorResponses(403),
  },
});

const countRoute = createRoute({
  method: "get",
  path: "/api/me/notifications/unread-count",
  tags,
  summary: "How many of my in-app notices are unread (the header's count)",
  responses: { 200: jsonResponse(UnreadCountResponse, "The count"), ...errorResponses(403) },
});

const readOneRoute = createRoute({
  method: "post",
  path: "/api/me/notifications/{noticeId}/read",
  tags,
  summary: "Mark one of my notices read",
  request: { params: NotificationParams, body: jsonBody(NoFields) },
  responses: {
    200: jsonResponse(UnreadCountResponse, "How many are still unread"),
    ...errorResponses(403, 404),
  },
});

const readAllRoute = createRoute({
  method: "post",
  path: "/api/me/notifications/read-all",
  tags,
  summary: "Mark every one of my notices read",
  request: { body: jsonBody(NoFields) },
  responses: {
    200: jsonResponse(UnreadCountResponse, "None unread"),
    ...errorResponses(403),
  },
});

/** My other open pages hear the new count. */
function announce(c: Context<ApiEnv>, userId: string) {
  return publishAfterCommit(c, { type: "notifications.changed", userIds: [userId] });
}

export function registerNotificationRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_notifications", "read");
    const { beforeAt, beforeId } = c.req.valid("query");
    const { db } = c.var.deps;
    const before =
      beforeAt && beforeId ? { createdAt: new Date(beforeAt), id: beforeId } : undefined;
    const rows = await listInAppNotices(db, actor.userId, {
      limit: pageSize,
      ...(before ? { before } : {}),
    });
    const last = rows.at(-1);
    return c.json(
      {
        data: await presentNotifications(db, actor, rows),
        unreadCount: await countUnreadNotices(db, actor.userId),
        next:
          rows.length === pageSize && last
            ? { beforeAt: last.createdAt.toISOString(), beforeId: last.id }
            : null,
        abilities: globalAbilities(actor),
      },
      200,
    );
  });

  app.openapi(countRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_notifications", "read");
    const unreadCount = await countUnreadNotices(c.var.deps.db, actor.userId);
    return c.json({ data: { unreadCount } }, 200);
  });

  app.openapi(readOneRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_notifications", "update");
    const { noticeId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    await db.transaction(async (tx) => {
      // Someone else's notice is not found, whatever it is.
      if (!(await markInAppNoticeRead(tx, actor.userId, noticeId, now()))) {
        throw notFound("That notice");
      }
      await recordAudit(tx, c, {
        event: "notification.read",
        resourceType: "notice",
        resourceId: noticeId,
      });
    });
    await announce(c, actor.userId);
    return c.json({ data: { unreadCount: await countUnreadNotices(db, actor.userId) } }, 200);
  });

  app.openapi(readAllRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_notifications", "update");
    const { db, now } = c.var.deps;
    await db.transaction(async (tx) => {
      const marked = await markAllInAppNoticesRead(tx, actor.userId, now());
      // One event for the request, however many notices it marked.
      await recordAudit(tx, c, {
        event: "notification.read_all",
        resourceType: "user",
        resourceId: actor.userId,
        details: { marked },
      });
    });
    await announce(c, actor.userId);
    return c.json({ data: { unreadCount: await countUnreadNotices(db, actor.userId) } }, 200);
  });
}
