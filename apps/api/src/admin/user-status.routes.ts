import { createRoute, z } from "@hono/zod-openapi";
import { authorizeGlobal, revocationReasons } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAccessRevoked } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { enqueueInvitationNotice } from "../notices/account-notices";
import {
  AdminUserSchema,
  DeactivateUserBody,
  SetPasswordLinkSchema,
  UserParams,
} from "./admin.schema";
import { requireAuthorityActor } from "./admin-context";
import { deactivateUser, reactivateUser, reissueInvitation } from "./commands/change-user-status";
import { getAuthorityUser, presentAdminUser } from "./present-admin";
import { presentSetPasswordLink } from "./set-password-link";
import { userTags as tags } from "./users.routes";

const OneUser = z.object({ data: AdminUserSchema });
const EmptyBody = z.strictObject({}).openapi("NoFields");

const deactivateRoute = createRoute({
  method: "post",
  path: "/api/users/{userId}/deactivate",
  tags,
  summary: "Deactivate an account and end all its sessions at once (administrators)",
  request: { params: UserParams, body: jsonBody(DeactivateUserBody) },
  responses: {
    200: jsonResponse(OneUser, "The deactivated account"),
    ...errorResponses(403, 404, 409, 422),
  },
});

const reactivateRoute = createRoute({
  method: "post",
  path: "/api/users/{userId}/reactivate",
  tags,
  summary: "Reactivate a deactivated account (administrators)",
  request: { params: UserParams, body: jsonBody(EmptyBody) },
  responses: {
    200: jsonResponse(OneUser, "The account"),
    ...errorResponses(403, 404, 409),
  },
});

const invitationRoute = createRoute({
  method: "post",
  path: "/api/users/{userId}/invitation",
  tags,
  summary: "Send a new set-password link; older links stop working (administrators)",
  request: { params: UserParams, body: jsonBody(EmptyBody) },
  responses: {
    201: jsonResponse(z.object({ data: SetPasswordLinkSchema }), "The new link"),
    ...errorResponses(403, 404, 409),
  },
});

async function presentUser(c: Context<ApiEnv>, authorityId: string, userId: string) {
  const { user, agency } = await getAuthorityUser(c.var.deps.db, authorityId, userId);
  return { data: presentAdminUser(user, agency) };
}

export function registerUserStatusRoutes(app: ApiApp): void {
  app.openapi(deactivateRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "user", "manage");
    const { userId } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const { db, now } = c.var.deps;
    await db.transaction(async (tx) => {
      await deactivateUser(tx, { authorityId, actorId: actor.userId, userId, now: now() });
      await recordAudit(tx, c, {
        event: "user.deactivate",
        resourceType: "user",
        resourceId: userId,
        details: { reason },
      });
    });
    await publishAccessRevoked(c, {
      userIds: [userId],
      reason: revocationReasons.accountDeactivated,
    });
    return c.json(await presentUser(c, authorityId, userId), 200);
  });

  app.openapi(reactivateRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "user", "manage");
    const { userId } = c.req.valid("param");
    await c.var.deps.db.transaction(async (tx) => {
      await reactivateUser(tx, { authorityId, userId });
      await recordAudit(tx, c, {
        event: "user.reactivate",
        resourceType: "user",
        resourceId: userId,
      });
    });
    return c.json(await presentUser(c, authorityId, userId), 200);
  });

  app.openapi(invitationRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "user", "manage");
    const { userId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const invitation = await db.transaction(async (tx) => {
      const issued = await reissueInvitation(tx, {
        authorityId,
        actorId: actor.userId,
        userId,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "user.invitation_create",
        resourceType: "user",
        resourceId: userId,
        details: { expiresAt: issued.expiresAt.toISOString() },
      });
      await enqueueInvitationNotice(tx, {
        userId,
        invitation: issued,
        invitedBy: actor.userId,
        now: now(),
      });
      return issued;
    });
    return c.json({ data: presentSetPasswordLink(c, userId, invitation) }, 201);
  });
}
