import { createRoute } from "@hono/zod-openapi";
import { assessments } from "@teamaround/db";
import { AppError, authorize, can } from "@teamaround/domain";
import { and, desc, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import {
  AssessmentListSchema,
  AssessmentParams,
  AssessmentWithAbilities,
  EmptyBody,
} from "./assessment.schema";
import { currentEpisode, getAssessment, openEpisode } from "./commands/journey-lookups";
import { presentAssessment } from "./commands/present-assessment";

const tags = ["Assessment"];
const path = "/api/families/{familyId}/assessments";

const listRoute = createRoute({
  method: "get",
  path,
  tags,
  summary: "The family's Early Help Assessments, with the current one",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(AssessmentListSchema, "The assessments"), ...errorResponses(404) },
});

const startRoute = createRoute({
  method: "post",
  path,
  tags,
  summary: "Start the assessment of the open episode (a re-assessment once one is completed)",
  request: { params: FamilyParams, body: jsonBody(EmptyBody) },
  responses: {
    201: jsonResponse(AssessmentWithAbilities, "The new assessment"),
    ...errorResponses(403, 404, 409),
  },
});

const readRoute = createRoute({
  method: "get",
  path: `${path}/{assessmentId}`,
  tags,
  summary:
    "One assessment: sections, the voices the caller may read, contributors, scores, sign-off",
  request: { params: AssessmentParams },
  responses: {
    200: jsonResponse(AssessmentWithAbilities, "The assessment"),
    ...errorResponses(404),
  },
});

const summarise = (a: typeof assessments.$inferSelect) => ({
  id: a.id,
  episodeId: a.episodeId,
  kind: a.kind,
  status: a.status,
  startedAt: a.startedAt.toISOString(),
  submittedAt: a.submittedAt?.toISOString() ?? null,
  completedAt: a.completedAt?.toISOString() ?? null,
});

export function registerAssessmentRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "assessment", "read");
    const episode = await currentEpisode(db, familyId);
    const rows = await db
      .select()
      .from(assessments)
      .where(eq(assessments.familyId, familyId))
      .orderBy(desc(assessments.startedAt));
    const ofEpisode = rows.filter((a) => a.episodeId === episode.id);
    const unfinished = ofEpisode.find((a) => a.status !== "completed");
    const current = unfinished ?? ofEpisode[0] ?? null;
    const canStart =
      can(access, "assessment", "start") && episode.status !== "closed" && !unfinished;
    await recordAudit(db, c, { event: "assessment.list", familyId, resourceType: "assessment" });
    const data = {
      current: current ? summarise(current) : null,
      assessments: rows.map(summarise),
      canStart,
    };
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(startRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "assessment", "start");
    const created = await db.transaction(async (tx) => {
      const episode = await openEpisode(tx, familyId);
      const earlier = await tx
        .select({ status: assessments.status })
        .from(assessments)
        .where(and(eq(assessments.episodeId, episode.id), eq(assessments.familyId, familyId)));
      if (earlier.some((a) => a.status !== "completed")) {
        throw new AppError("conflict", "An assessment is already being written for this family.");
      }
      const [row] = await tx
        .insert(assessments)
        .values({
          episodeId: episode.id,
          familyId,
          kind: earlier.length > 0 ? "reassessment" : "initial",
          startedAt: now(),
          startedBy: actor.userId,
        })
        .returning();
      if (!row) throw new AppError("internal", "The assessment was not saved.");
      await recordAudit(tx, c, {
        event: "assessment.start",
        familyId,
        resourceType: "assessment",
        resourceId: row.id,
        details: { kind: row.kind },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "assessment", created.id, "created");
    const settings = await authoritySettings(db, family.authorityId);
    const data = await presentAssessment(db, access, created, settings);
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "assessment", "read");
    const assessment = await getAssessment(db, familyId, assessmentId);
    const settings = await authoritySettings(db, family.authorityId);
    const data = await presentAssessment(db, access, assessment, settings);
    await recordAudit(db, c, {
      event: "assessment.read",
      familyId,
      resourceType: "assessment",
      resourceId: assessmentId,
      details: { voicesShown: data.voices.length },
    });
    return c.json(withAbilities(data, access), 200);
  });
}
