import { createRoute, z } from "@hono/zod-openapi";
import { authorize, FamilyAbilitiesSchema, userRoles } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { listAuditEvents } from "./list-audit-events";
import { recordAudit } from "./record-audit";

const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.enum(userRoles).nullable(),
    event: z.string(),
    resourceType: z.string().nullable(),
    resourceId: z.string().nullable(),
    ipAddress: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("AuditEvent");

const AuditQuery = z.object({
  before: z.coerce.number().int().positive().optional().describe("The id to page back from"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const auditRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/audit",
  tags: ["Audit"],
  summary: "The family's audit log, newest first (lead professional and service managers)",
  request: { params: FamilyParams, query: AuditQuery },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(AuditEventSchema),
        nextBefore: z.number().int().nullable().describe("Pass as `before` for the next page"),
        abilities: FamilyAbilitiesSchema,
      }),
      "One page of the audit log",
    ),
    ...errorResponses(403, 404),
  },
});

export function registerAuditRoutes(app: ApiApp): void {
  app.openapi(auditRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const page = c.req.valid("query");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "audit", "read");
    // Recorded first, so the log the reader sees already shows their own read.
    await recordAudit(db, c, {
      event: "audit.read",
      familyId,
      resourceType: "audit_log",
      details: { ...page },
    });
    const { data, nextBefore } = await listAuditEvents(db, familyId, page);
    return c.json({ ...withAbilities(data, access), nextBefore }, 200);
  });
}
