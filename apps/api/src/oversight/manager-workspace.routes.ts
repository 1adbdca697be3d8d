import { createRoute } from "@hono/zod-openapi";
import {
  type AuditEventName,
  authorizeGlobal,
  caseAgeBand,
  caseloadPerLead,
  driftKindLabels,
  driftKinds,
  filterCaseload,
} from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { readAudited } from "../audit/audited-read";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import { isoDay } from "../shared/dates";
import { driftPageSize, readDriftPage, type StoredItem } from "./drift-queue";
import { listCaseload, managerScope, toCaseloadRow } from "./manager-scope";
import {
  CaseloadQuery,
  CaseloadResponse,
  DriftQuery,
  DriftResponse,
  SignOffQueueResponse,
} from "./manager-workspace.schema";
import { listSignOffQueue } from "./sign-off-queue";

const tags = ["Manager's workspace"];

const caseloadRoute = createRoute({
  method: "get",
  path: "/api/manager/caseload",
  tags,
  summary: "Open cases of my service (and of the leads I manage), filtered; caseload per lead",
  request: { query: CaseloadQuery },
  responses: { 200: jsonResponse(CaseloadResponse, "The caseload"), ...errorResponses(403, 422) },
});

const driftRoute = createRoute({
  method: "get",
  path: "/api/manager/drift",
  tags,
  summary: "What is late on my service's cases, most late first, a page at a time",
  request: { query: DriftQuery },
  responses: {
    200: jsonResponse(DriftResponse, "A page of the drift queue"),
    ...errorResponses(403),
  },
});

const signOffsRoute = createRoute({
  method: "get",
  path: "/api/manager/sign-offs",
  tags,
  summary:
    "Assessments, plans and closures waiting for a manager's decision, longest waiting first, with earlier decisions",
  responses: {
    200: jsonResponse(SignOffQueueResponse, "The sign-off queue"),
    ...errorResponses(403),
  },
});

/** The manager's scope, after the policy: managers of an agency only. */
function authorizeWorkspace(c: Context<ApiEnv>) {
  const actor = requireActor(c);
  authorizeGlobal(actor, "manager_workspace", "read");
  return managerScope(actor, c.var.user);
}

/** One audit event per request, naming the families shown, however many rows. */
function auditRead(
  c: Context<ApiEnv>,
  event: AuditEventName,
  familyIds: readonly (string | null)[],
) {
  const shown = [...new Set(familyIds.filter((id): id is string => id !== null))];
  return recordAudit(c.var.deps.db, c, {
    event,
    resourceType: "manager_workspace",
    details: { count: familyIds.length, familyIds: shown },
  });
}

export function registerManagerWorkspaceRoutes(app: ApiApp): void {
  app.openapi(caseloadRoute, async (c) => {
    const scope = authorizeWorkspace(c);
    const filters = c.req.valid("query");
    const { db, now } = c.var.deps;
    const today = isoDay(now());
    const [episodes, authority] = await Promise.all([
      listCaseload(db, scope),
      authoritySettings(db, scope.authorityId),
    ]);
    const all = episodes.map(toCaseloadRow);
    const data = filterCaseload(all, filters, today).map((r) => ({
      ...r,
      ageBand: caseAgeBand(r.openedOn, today),
    }));
    await auditRead(
      c,
      "manager.caseload.read",
      data.map((r) => r.familyId),
    );
    return c.json(
      { data, perLead: caseloadPerLead(all), localities: authority.localities, total: all.length },
      200,
    );
  });

  app.openapi(driftRoute, async (c) => {
    const scope = authorizeWorkspace(c);
    const query = c.req.valid("query");
    const { db, now } = c.var.deps;
    const today = isoDay(now());
    // The page and its audit event in one statement: one round trip and one commit.
    const page = await readDriftPage(db, scope, today, query, (items, orderBy) =>
      readAudited<StoredItem>(db, c, items, {
        event: "manager.drift.read",
        resourceType: "manager_workspace",
        familyIdColumn: "family_id",
        orderBy,
      }),
    );
    const data = page.items.map((item) => ({ ...item, label: driftKindLabels[item.kind] }));
    const counts = driftKinds.map((kind) => ({
      kind,
      label: driftKindLabels[kind],
      count: page.counts[kind],
    }));
    return c.json(
      { data, today, page: query.page, pageSize: driftPageSize, total: page.total, counts },
      200,
    );
  });

  app.openapi(signOffsRoute, async (c) => {
    const scope = authorizeWorkspace(c);
    const data = await listSignOffQueue(c.var.deps.db, scope);
    await auditRead(
      c,
      "manager.sign_offs.read",
      data.map((s) => s.familyId),
    );
    return c.json({ data }, 200);
  });
}
