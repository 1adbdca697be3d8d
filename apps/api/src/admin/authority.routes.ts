import { createRoute, z } from "@hono/zod-openapi";
import { localAuthorities } from "@teamaround/db";
import { authorizeGlobal, notFound } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireAuthorityActor } from "./admin-context";
import { AuthoritySchema, presentAuthority, UpdateAuthorityBody } from "./authority.schema";
import { updateAuthority } from "./commands/update-authority";

const tags = ["Administration"];
const OneAuthority = z.object({ data: AuthoritySchema });

const readRoute = createRoute({
  method: "get",
  path: "/api/authority",
  tags,
  summary: "My local authority's settings",
  responses: { 200: jsonResponse(OneAuthority, "The settings"), ...errorResponses(403) },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/authority",
  tags,
  summary:
    "Change levels of need, review cadence, the lead professional's title, TOTP rule, assessment, closure and plan sign-off, first TAC timescale, score labels, drift targets, localities, retention rule (administrators)",
  description:
    "Send the `version` you read: if someone changed the settings since, the answer is 409 and nothing changes.",
  request: { body: jsonBody(UpdateAuthorityBody) },
  responses: {
    200: jsonResponse(OneAuthority, "The settings"),
    ...errorResponses(403, 409, 422),
  },
});

export function registerAuthorityRoutes(app: ApiApp): void {
  app.openapi(readRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "authority", "read");
    const [row] = await c.var.deps.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, authorityId));
    if (!row) throw notFound("That local authority");
    return c.json({ data: presentAuthority(row) }, 200);
  });

  app.openapi(updateRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "authority", "manage");
    const { version, ...changes } = c.req.valid("json");
    const updated = await c.var.deps.db.transaction(async (tx) => {
      const row = await updateAuthority(tx, authorityId, version, changes);
      await recordAudit(tx, c, {
        event: "authority.update",
        resourceType: "authority",
        resourceId: authorityId,
        details: { changes },
      });
      return row;
    });
    return c.json({ data: presentAuthority(updated) }, 200);
  });
}
