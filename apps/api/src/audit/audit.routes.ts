import { createRoute, z } from "@hono/zod-openapi";
import { authorize, FamilyAbilitiesSchema } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import {
  AuditLineSchema,
  AuditPersonSchema,
  FormerTeamReadSchema,
  ReaderSchema,
} from "./audit.schema";
import { AuditFiltersQuery } from "./audit-filters";
import { auditPeople } from "./audit-people";
import { auditCsv } from "./export-audit-events";
import { listAuditLines } from "./list-audit-events";
import { recordAudit } from "./record-audit";
import { listFormerTeamReads, listReaders } from "./who-has-looked";

const tags = ["Audit"];

const AuditQuery = AuditFiltersQuery.extend({
  before: z.coerce.number().int().positive().optional().describe("The id to page back from"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const auditRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/audit",
  tags,
  summary:
    "The family's audit log in plain words, newest first, runs of reads folded (lead and managers)",
  request: { params: FamilyParams, query: AuditQuery },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(AuditLineSchema),
        nextBefore: z.number().int().nullable().describe("Pass as `before` for the next page"),
        people: z.array(AuditPersonSchema).describe("Everyone in this family's log, to filter by"),
        abilities: FamilyAbilitiesSchema,
      }),
      "One page of the audit log",
    ),
    ...errorResponses(403, 404),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/audit/export",
  tags,
  summary: "The filtered audit log as CSV, one event a line (the download is itself audited)",
  request: { params: FamilyParams, query: AuditFiltersQuery },
  responses: {
    200: { description: "The audit log as CSV", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(403, 404),
  },
});

const readersRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/audit/readers",
  tags,
  summary: "Who has looked at this family's records, and when each last read what",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(ReaderSchema), abilities: FamilyAbilitiesSchema }),
      "The people who have read the records, most recent first",
    ),
    ...errorResponses(403, 404),
  },
});

const formerTeamRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/audit/former-team-reads",
  tags,
  summary: "Reads of this family's records by people after they left its team",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(FormerTeamReadSchema), abilities: FamilyAbilitiesSchema }),
      "Reads after leaving the team, most recent first",
    ),
    ...errorResponses(403, 404),
  },
});

export function registerAuditRoutes(app: ApiApp): void {
  app.openapi(auditRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { before, limit, ...filters } = c.req.valid("query");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "audit", "read");
    // Recorded first, so the log the reader sees already shows their own read.
    await recordAudit(db, c, {
      event: "audit.read",
      familyId,
      resourceType: "audit_log",
      details: { before, limit, ...filters },
    });
    const [{ data, nextBefore }, people] = await Promise.all([
      listAuditLines(db, familyId, filters, { before, limit }),
      auditPeople(db, familyId),
    ]);
    return c.json({ ...withAbilities(data, access), nextBefore, people }, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const filters = c.req.valid("query");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "audit", "export");
    await recordAudit(db, c, {
      event: "audit.export",
      familyId,
      resourceType: "audit_log",
      details: { ...filters },
    });
    const csv = await auditCsv(db, familyId, filters);
    const day = now().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
    });
  });

  app.openapi(readersRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "audit", "read_readers");
    await recordAudit(db, c, { event: "audit.read_readers", familyId, resourceType: "audit_log" });
    return c.json(withAbilities(await listReaders(db, familyId), access), 200);
  });

  app.openapi(formerTeamRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "audit", "read_former_team");
    await recordAudit(db, c, {
      event: "audit.read_former_team",
      familyId,
      resourceType: "audit_log",
    });
    return c.json(withAbilities(await listFormerTeamReads(db, familyId), access), 200);
  });
}
