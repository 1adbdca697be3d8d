import { createRoute, z } from "@hono/zod-openapi";
import { agencies, type Executor } from "@teamaround/db";
import { AppError, authorizeGlobal, canGlobal } from "@teamaround/domain";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { updateVersioned } from "../shared/versioned-update";
import { AgencyParams, AgencySchema, CreateAgencyBody, UpdateAgencyBody } from "./admin.schema";
import { requireAuthorityActor } from "./admin-context";
import { getAuthorityAgency, presentAgency } from "./present-admin";

const tags = ["Administration"];
const OneAgency = z.object({ data: AgencySchema });

const listRoute = createRoute({
  method: "get",
  path: "/api/agencies",
  tags,
  summary: "The agencies of my local authority (administrators also see inactive ones)",
  responses: {
    200: jsonResponse(z.object({ data: z.array(AgencySchema) }), "Agencies"),
    ...errorResponses(403),
  },
});

const createAgencyRoute = createRoute({
  method: "post",
  path: "/api/agencies",
  tags,
  summary: "Add an agency (administrators)",
  request: { body: jsonBody(CreateAgencyBody) },
  responses: { 201: jsonResponse(OneAgency, "The new agency"), ...errorResponses(403, 409) },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/agencies/{agencyId}",
  tags,
  summary:
    "Rename, retype, deactivate or reactivate an agency, or set its contact address (administrators)",
  description:
    "Send the `version` you read: if someone changed the agency since, the answer is 409 and nothing changes.",
  request: { params: AgencyParams, body: jsonBody(UpdateAgencyBody) },
  responses: {
    200: jsonResponse(OneAgency, "The agency"),
    ...errorResponses(403, 404, 409),
  },
});

async function assertNameFree(db: Executor, authorityId: string, name: string, except?: string) {
  const [clash] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.authorityId, authorityId),
        sql`lower(${agencies.name}) = ${name.toLowerCase()}`,
        except ? ne(agencies.id, except) : undefined,
      ),
    );
  if (clash) {
    throw new AppError("conflict", "An agency with this name already exists.", [
      { path: "name", message: "already used by another agency" },
    ]);
  }
}

export function registerAgencyRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "agency", "list");
    const withInactive = canGlobal(actor, "agency", "manage");
    const rows = await c.var.deps.db
      .select()
      .from(agencies)
      .where(
        and(
          eq(agencies.authorityId, authorityId),
          withInactive ? undefined : eq(agencies.active, true),
        ),
      )
      .orderBy(asc(agencies.name));
    const present = (row: (typeof rows)[number]) =>
      presentAgency(row, { withContact: withInactive });
    return c.json({ data: rows.map(present) }, 200);
  });

  app.openapi(createAgencyRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "agency", "manage");
    const body = c.req.valid("json");
    const agency = await c.var.deps.db.transaction(async (tx) => {
      await assertNameFree(tx, authorityId, body.name);
      const [row] = await tx
        .insert(agencies)
        .values({
          authorityId,
          name: body.name,
          type: body.type,
          contactEmail: body.contactEmail ?? null,
        })
        .returning();
      if (!row) throw new AppError("internal", "The agency was not saved.");
      await recordAudit(tx, c, {
        event: "agency.create",
        resourceType: "agency",
        resourceId: row.id,
        details: { name: row.name, type: row.type, contactEmail: row.contactEmail !== null },
      });
      return row;
    });
    return c.json({ data: presentAgency(agency) }, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "agency", "manage");
    const { agencyId } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    const agency = await c.var.deps.db.transaction(async (tx) => {
      await getAuthorityAgency(tx, authorityId, agencyId);
      if (changes.name) await assertNameFree(tx, authorityId, changes.name, agencyId);
      const row = await updateVersioned(
        tx,
        agencies,
        { id: agencyId, scope: eq(agencies.authorityId, authorityId), expectedVersion: version },
        changes,
      );
      await recordAudit(tx, c, {
        event: "agency.update",
        resourceType: "agency",
        resourceId: agencyId,
        details: { changes },
      });
      return row;
    });
    return c.json({ data: presentAgency(agency) }, 200);
  });
}
