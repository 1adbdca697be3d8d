import { createRoute, z } from "@hono/zod-openapi";
import { authorize, FamilyAbilitiesSchema, versionForAudience } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { loadPlanItemSight } from "../shared/family-audience";
import {
  getPreviousVersion,
  getVersion,
  listVersions,
  presentVersionSummary,
  summaryOf,
} from "./commands/load-versions";
import { diffVersions } from "./version-diff";
import {
  DiffQuery,
  VersionDiffSchema,
  VersionParams,
  VersionSchema,
  VersionSummarySchema,
} from "./versions.schema";

const tags = ["Meetings"];

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/versions",
  tags,
  summary: "The plan's versions, one per meeting held, newest first",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(VersionSummarySchema), abilities: FamilyAbilitiesSchema }),
      "The versions",
    ),
    ...errorResponses(404),
  },
});

const readRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/versions/{versionId}",
  tags,
  summary: "One plan version as stored (less any document you may not open)",
  request: { params: VersionParams },
  responses: {
    200: jsonResponse(
      z.object({ data: VersionSchema, abilities: FamilyAbilitiesSchema }),
      "The version",
    ),
    ...errorResponses(404),
  },
});

const diffRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/versions/{versionId}/diff",
  tags,
  summary: "What changed between two versions: narrative text, actions and outcomes",
  request: { params: VersionParams, query: DiffQuery },
  responses: {
    200: jsonResponse(
      z.object({ data: VersionDiffSchema, abilities: FamilyAbilitiesSchema }),
      "The changes from `against` (default: the version before) to this version",
    ),
    ...errorResponses(404),
  },
});

export function registerVersionRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "plan_version", "read");
    const rows = await listVersions(db, familyId);
    await recordAudit(db, c, {
      event: "plan_version.list",
      familyId,
      resourceType: "plan_version",
    });
    return c.json(withAbilities(rows.map(presentVersionSummary), access), 200);
  });

  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, versionId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "plan_version", "read");
    const row = await getVersion(db, familyId, versionId);
    const sight = await loadPlanItemSight(db, access);
    const visible = versionForAudience(access, row.content, row.snapshots, sight);
    await recordAudit(db, c, {
      event: "plan_version.read",
      familyId,
      resourceType: "plan_version",
      resourceId: versionId,
      details: { hiddenDocuments: visible.hiddenDocuments },
    });
    const data = { ...presentVersionSummary(summaryOf(row)), ...visible };
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(diffRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, versionId } = c.req.valid("param");
    const { against } = c.req.valid("query");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "plan_version", "read");
    const newer = await getVersion(db, familyId, versionId);
    const older = against
      ? await getVersion(db, familyId, against)
      : await getPreviousVersion(db, familyId, newer.number);
    const sight = await loadPlanItemSight(db, access);
    const visibleNewer = versionForAudience(access, newer.content, newer.snapshots, sight).content;
    const visibleOlder =
      older && versionForAudience(access, older.content, older.snapshots, sight).content;
    await recordAudit(db, c, {
      event: "plan_version.diff",
      familyId,
      resourceType: "plan_version",
      resourceId: versionId,
      details: { against: older?.id ?? null },
    });
    const data = {
      from: older && presentVersionSummary(summaryOf(older)),
      to: presentVersionSummary(summaryOf(newer)),
      ...diffVersions(visibleOlder, visibleNewer),
    };
    return c.json(withAbilities(data, access), 200);
  });
}
