import { createRoute } from "@hono/zod-openapi";
import { caseAudits } from "@teamaround/db";
import {
  AcknowledgeAuditInput,
  AppError,
  authorize,
  authorizeGlobal,
  CaseAuditInput,
} from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit, recordAuditEach } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import {
  caseAuditNotFound,
  findCaseAudit,
  listCaseAudits,
  listMyCaseAudits,
  presentCaseAudits,
} from "./case-audit-queries";
import {
  CaseAuditList,
  CaseAuditParams,
  CaseAuditResult,
  MyCaseAuditList,
} from "./case-audits.schema";
import { recordCaseAudit } from "./commands/record-case-audit";

const tags = ["Case-file audits"];

const createAuditRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/case-audits",
  tags,
  summary:
    "Audit the case file: an overall grade, every area graded with a comment, feedback (managers)",
  request: { params: FamilyParams, body: jsonBody(CaseAuditInput) },
  responses: {
    201: jsonResponse(CaseAuditResult, "The audit"),
    ...errorResponses(403, 404),
  },
});

const listAuditsRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/case-audits",
  tags,
  summary: "The family's case-file audits, newest first (managers and the lead)",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(CaseAuditList, "The audits"), ...errorResponses(403, 404) },
});

const acknowledgeRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/case-audits/{auditId}/acknowledge",
  tags,
  summary: "The audited lead acknowledges the feedback, with an optional response (once)",
  request: { params: CaseAuditParams, body: jsonBody(AcknowledgeAuditInput) },
  responses: {
    200: jsonResponse(CaseAuditResult, "The audit, acknowledged"),
    ...errorResponses(403, 404, 409),
  },
});

const mineRoute = createRoute({
  method: "get",
  path: "/api/case-audits/mine",
  tags,
  summary: "Audits of my cases waiting for me to read and acknowledge them",
  responses: {
    200: jsonResponse(MyCaseAuditList, "Audit feedback to read"),
    ...errorResponses(403),
  },
});

// No `family.changed` is published for audits: the family's live rooms include
// people who may never know an audit exists (the family, the rest of the team).
export function registerCaseAuditRoutes(app: ApiApp): void {
  app.openapi(createAuditRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "case_audit", "create");
    const row = await db.transaction(async (tx) => {
      const audit = await recordCaseAudit(tx, input, {
        familyId,
        auditorId: actor.userId,
        agencyId: family.owningAgencyId,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "case_audit.create",
        familyId,
        resourceType: "case_audit",
        resourceId: audit.id,
        details: { grade: audit.grade, sampleId: audit.sampleId },
      });
      return audit;
    });
    const [data] = await presentCaseAudits(db, [row]);
    if (!data) throw new AppError("internal", "The audit was not found after saving.");
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(listAuditsRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "case_audit", "read");
    const data = await presentCaseAudits(db, await listCaseAudits(db, familyId));
    await recordAudit(db, c, { event: "case_audit.list", familyId, resourceType: "case_audit" });
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(acknowledgeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, auditId } = c.req.valid("param");
    const { response } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "case_audit", "acknowledge");
    const audit = await findCaseAudit(db, familyId, auditId);
    if (!audit) throw caseAuditNotFound();
    if (audit.practitionerId !== actor.userId) {
      throw new AppError(
        "forbidden",
        "Only the lead professional whose work was audited may acknowledge it.",
      );
    }
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(caseAudits)
        .set({ acknowledgedAt: now(), practitionerResponse: response ?? null })
        .where(
          and(
            eq(caseAudits.id, auditId),
            eq(caseAudits.familyId, familyId),
            isNull(caseAudits.acknowledgedAt),
          ),
        )
        .returning();
      if (!updated) throw new AppError("conflict", "This audit has already been acknowledged.");
      await recordAudit(tx, c, {
        event: "case_audit.acknowledge",
        familyId,
        resourceType: "case_audit",
        resourceId: auditId,
        details: { responded: response !== undefined },
      });
      return updated;
    });
    const [data] = await presentCaseAudits(db, [row]);
    if (!data) throw new AppError("internal", "The audit was not found after saving.");
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(mineRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_case_audits", "list");
    const { db } = c.var.deps;
    const data = await listMyCaseAudits(db, actor.userId);
    await recordAuditEach(
      db,
      c,
      data.length === 0
        ? [{ event: "case_audit.list_mine", details: { count: 0 } }]
        : data.map((audit) => ({
            event: "case_audit.list_mine",
            familyId: audit.familyId,
            resourceType: "case_audit",
            resourceId: audit.id,
          })),
    );
    return c.json({ data }, 200);
  });
}
