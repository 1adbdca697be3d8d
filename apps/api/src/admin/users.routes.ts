import { createRoute, z } from "@hono/zod-openapi";
import { authorizeGlobal } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { enqueueInvitationNotice } from "../notices/account-notices";
import {
  AdminUserSchema,
  CreateUserBody,
  ListUsersQuery,
  SetPasswordLinkSchema,
  UpdateUserBody,
  UserParams,
} from "./admin.schema";
import { requireAuthorityActor } from "./admin-context";
import { createInvitedUser } from "./commands/create-user";
import { updateUser } from "./commands/update-user";
import { getAuthorityUser, listAdminUsers, presentAdminUser } from "./present-admin";
import { presentSetPasswordLink } from "./set-password-link";

export const userTags = ["Administration"];

const listRoute = createRoute({
  method: "get",
  path: "/api/users",
  tags: userTags,
  summary: "Accounts of my local authority (administrators)",
  request: { query: ListUsersQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(AdminUserSchema) }), "Accounts"),
    ...errorResponses(403),
  },
});

const createUserRoute = createRoute({
  method: "post",
  path: "/api/users",
  tags: userTags,
  summary: "Invite a practitioner, manager or administrator (administrators)",
  description:
    "Creates an invited account and a set-password link valid for 7 days. Family members are invited by their lead professional.",
  request: { body: jsonBody(CreateUserBody) },
  responses: {
    201: jsonResponse(
      z.object({ data: AdminUserSchema, invitation: SetPasswordLinkSchema }),
      "The invited account",
    ),
    ...errorResponses(403, 409, 422),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/users/{userId}",
  tags: userTags,
  summary: "Change an account's name, job title, agency or role (administrators)",
  description:
    "Send the `version` you read: if someone changed the account since (its details or its status), the answer is 409 and nothing changes.",
  request: { params: UserParams, body: jsonBody(UpdateUserBody) },
  responses: {
    200: jsonResponse(z.object({ data: AdminUserSchema }), "The account"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerUserRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "user", "manage");
    const filter = c.req.valid("query");
    return c.json({ data: await listAdminUsers(c.var.deps.db, authorityId, filter) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "user", "manage");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const created = await db.transaction(async (tx) => {
      const result = await createInvitedUser(tx, {
        authorityId,
        createdBy: actor.userId,
        body,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "user.create",
        resourceType: "user",
        resourceId: result.user.id,
        details: { role: body.role, agencyId: body.agencyId ?? null },
      });
      await enqueueInvitationNotice(tx, {
        userId: result.user.id,
        invitation: result.invitation,
        invitedBy: actor.userId,
        now: now(),
      });
      return result;
    });
    const { user, agency } = await getAuthorityUser(db, authorityId, created.user.id);
    return c.json(
      {
        data: presentAdminUser(user, agency),
        invitation: presentSetPasswordLink(c, user.id, created.invitation),
      },
      201,
    );
  });

  app.openapi(updateRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "user", "manage");
    const { userId } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    const { db } = c.var.deps;
    await db.transaction(async (tx) => {
      await updateUser(tx, { authorityId, actorId: actor.userId, userId, version, changes });
      await recordAudit(tx, c, {
        event: "user.update",
        resourceType: "user",
        resourceId: userId,
        details: { changes },
      });
    });
    const { user, agency } = await getAuthorityUser(db, authorityId, userId);
    return c.json({ data: presentAdminUser(user, agency) }, 200);
  });
}
