import { createRoute, z } from "@hono/zod-openapi";
import { listUserSessions, revokeOtherSessions, revokeUserSession } from "@teamaround/auth";
import { notFound, revocationReasons } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { clearSessionCookie } from "../auth/session-cookie";
import { publishAccessRevoked } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireCurrentSession } from "./current-session";
import { MySessionSchema, RevokedResult, SessionParams } from "./me.schema";

const tags = ["Me"];

const listRoute = createRoute({
  method: "get",
  path: "/api/me/sessions",
  tags,
  summary: "My live sessions",
  responses: {
    200: jsonResponse(z.object({ data: z.array(MySessionSchema) }), "Sessions, latest first"),
    ...errorResponses(),
  },
});

const revokeRoute = createRoute({
  method: "delete",
  path: "/api/me/sessions/{sessionId}",
  tags,
  summary: "End one of my sessions",
  request: { params: SessionParams },
  responses: { 204: { description: "Ended" }, ...errorResponses(404) },
});

const revokeOthersRoute = createRoute({
  method: "post",
  path: "/api/me/sessions/revoke-others",
  tags,
  summary: "End all my sessions except this one",
  request: { body: jsonBody(z.strictObject({}).openapi("NoFields")) },
  responses: { 200: jsonResponse(RevokedResult, "How many were ended"), ...errorResponses() },
});

export function registerMySessionRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const { actor, session } = requireCurrentSession(c);
    const { db, config, now } = c.var.deps;
    const rows = await listUserSessions(db, actor.userId, config.sessionPolicy, now());
    const data = rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ip: s.ipAddress,
      userAgent: s.userAgent,
      singleSignOn: s.singleSignOn,
      current: s.id === session.id,
    }));
    return c.json({ data }, 200);
  });

  app.openapi(revokeRoute, async (c) => {
    const { actor, session } = requireCurrentSession(c);
    const { sessionId } = c.req.valid("param");
    const { db } = c.var.deps;
    await db.transaction(async (tx) => {
      // Only the caller's own sessions match, so another user's id is simply not found.
      if (!(await revokeUserSession(tx, actor.userId, sessionId))) throw notFound("That session");
      await recordAudit(tx, c, { event: "session.revoke", resourceType: "session" });
    });
    await publishAccessRevoked(c, {
      sessionIds: [sessionId],
      reason: revocationReasons.sessionEnded,
    });
    if (sessionId === session.id) clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(revokeOthersRoute, async (c) => {
    const { actor, session } = requireCurrentSession(c);
    const { db } = c.var.deps;
    const revoked = await db.transaction(async (tx) => {
      const ended = await revokeOtherSessions(tx, actor.userId, session.id);
      const details = { revoked: ended.length };
      await recordAudit(tx, c, { event: "session.revoke_others", details });
      return ended;
    });
    await publishAccessRevoked(c, { sessionIds: revoked, reason: revocationReasons.sessionEnded });
    return c.json({ data: { revoked: revoked.length } }, 200);
  });
}
