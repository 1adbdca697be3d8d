import { createRoute } from "@hono/zod-openapi";
import { AppError, AuditSampleInput, authorizeGlobal, quarterOf } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { listAuditSamples, presentAuditSamples } from "./audit-sample-queries";
import { AuditSampleList, AuditSampleResult } from "./case-audits.schema";
import { drawAuditSample } from "./commands/draw-audit-sample";

const tags = ["Case-file audits"];

const drawRoute = createRoute({
  method: "post",
  path: "/api/manager/audit-samples",
  tags,
  summary:
    "Draw a random sample of the service's cases open in a quarter, for audit (managers; once a quarter)",
  request: { body: jsonBody(AuditSampleInput) },
  responses: {
    201: jsonResponse(AuditSampleResult, "The sample"),
    ...errorResponses(403, 409, 422),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/manager/audit-samples",
  tags,
  summary: "The service's audit samples, each family with its audit status (managers)",
  responses: { 200: jsonResponse(AuditSampleList, "The samples"), ...errorResponses(403) },
});

/** The agency the manager manages; `authorizeGlobal` has refused managers without one. */
function serviceOf(agencyId: string | null): string {
  if (agencyId === null) throw new AppError("forbidden", "Only staff of an agency may do this.");
  return agencyId;
}

export function registerAuditSampleRoutes(app: ApiApp): void {
  app.openapi(drawRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "audit_sample", "draw");
    const agencyId = serviceOf(actor.agencyId);
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const quarter = input.quarter ?? quarterOf(isoDay(now()));
    if (quarter > quarterOf(isoDay(now()))) {
      throw new AppError("unprocessable", "That quarter has not started yet.", {
        field: "quarter",
      });
    }
    const sample = await db.transaction(async (tx) => {
      const row = await drawAuditSample(tx, {
        agencyId,
        quarter,
        size: input.size,
        drawnBy: actor.userId,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "audit_sample.draw",
        resourceType: "audit_sample",
        resourceId: row.id,
        details: { quarter, size: input.size, familyIds: row.familyIds },
      });
      return row;
    });
    const [data] = await presentAuditSamples(db, [sample]);
    if (!data) throw new AppError("internal", "The sample was not found after saving.");
    return c.json({ data }, 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "audit_sample", "list");
    const agencyId = serviceOf(actor.agencyId);
    const { db } = c.var.deps;
    const data = await presentAuditSamples(db, await listAuditSamples(db, agencyId));
    // One event per request, not one per family listed.
    await recordAudit(db, c, {
      event: "audit_sample.list",
      resourceType: "audit_sample",
      details: { sampleIds: data.map((s) => s.id) },
    });
    return c.json({ data }, 200);
  });
}
