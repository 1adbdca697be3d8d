import { createRoute } from "@hono/zod-openapi";
import type { Executor } from "@teamaround/db";
import { episodes, needScores } from "@teamaround/db";
import {
  authorize,
  distanceTravelled,
  type FamilyAccess,
  notFound,
  plainWords,
  plainWordsOverall,
  relationshipOf,
} from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { currentEpisode, listMembers } from "../assessment/commands/journey-lookups";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import { DistanceQuery, DistanceWithAbilities } from "./reviews.schema";

const distanceRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/distance-travelled",
  tags: ["Reviews"],
  summary:
    "Need-area scores over the episode (assessment, reviews, closure) and the direction of travel",
  request: { params: FamilyParams, query: DistanceQuery },
  responses: {
    200: jsonResponse(DistanceWithAbilities, "Distance travelled"),
    ...errorResponses(404),
  },
});

async function episodeOf(db: Executor, familyId: string, episodeId: string | undefined) {
  if (!episodeId) return currentEpisode(db, familyId);
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.familyId, familyId)));
  if (!episode) throw notFound("That episode");
  return episode;
}

/** The family's line and sentences; a family member also gets them in plain words. */
async function presentDistance(db: Executor, access: FamilyAccess, episodeId: string) {
  const rows = await db
    .select()
    .from(needScores)
    .where(and(eq(needScores.familyId, access.familyId), eq(needScores.episodeId, episodeId)));
  const members = await listMembers(db, access.familyId);
  const nameOf = (id: string | null) => {
    const member = members.find((m) => m.id === id);
    return member ? member.givenName : null;
  };
  const result = distanceTravelled(rows);
  const series = result.series.map((s) => ({ ...s, memberName: nameOf(s.memberId) }));
  const forFamily = relationshipOf(access) === "family_member";
  return {
    direction: result.direction,
    series,
    plainWords: forFamily
      ? {
          overall: plainWordsOverall(result.direction),
          areas: series.map((s) => plainWords(s.area, s.direction, s.memberName ?? undefined)),
        }
      : null,
  };
}

export function registerDistanceRoutes(app: ApiApp): void {
  app.openapi(distanceRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { episodeId } = c.req.valid("query");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "score", "read");
    const episode = await episodeOf(db, familyId, episodeId);
    const settings = await authoritySettings(db, family.authorityId);
    const distance = await presentDistance(db, access, episode.id);
    await recordAudit(db, c, {
      event: "distance.read",
      familyId,
      resourceType: "episode",
      resourceId: episode.id,
    });
    const data = {
      episodeId: episode.id,
      episodeNumber: episode.number,
      scale: { low: settings.scoreLowLabel, high: settings.scoreHighLabel },
      ...distance,
    };
    return c.json(withAbilities(data, access), 200);
  });
}
