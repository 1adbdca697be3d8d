import { createRoute } from "@hono/zod-openapi";
import { authorize, can } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { loadPlanItemSight } from "../shared/family-audience";
import { EpisodeList } from "./episodes.schema";
import { listEpisodes } from "./load-episodes";

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/episodes",
  tags: ["Episodes"],
  summary: "The family's Early Help episodes, newest first, with their history",
  description:
    "Each episode's events, request, closure and outcome results. Family members get the plain history: no notes, closure summaries or request details.",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(EpisodeList, "Episodes"), ...errorResponses(404) },
});

export function registerEpisodeRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "episode", "read");
    const sight = await loadPlanItemSight(db, access);
    const data = await listEpisodes(db, familyId, can(access, "episode", "read_notes"), sight);
    await recordAudit(db, c, {
      event: "episode.list",
      familyId,
      resourceType: "episode",
      details: { count: data.length },
    });
    const { abilities } = withAbilities(null, access);
    return c.json({ data, abilities }, 200);
  });
}
