import { createRoute, z } from "@hono/zod-openapi";
import {
  AppError,
  AssessmentEntryInput,
  AssessmentScoresInput,
  authorize,
  FamilyAbilitiesSchema,
  isOpenForWriting,
} from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { AssessmentParams, ScoreSchema } from "./assessment.schema";
import { getAssessment, listMembers } from "./commands/journey-lookups";
import { assertScoredChildren, insertScores } from "./commands/record-scores";
import { addContributor, assertEntryPerson, writeEntry } from "./commands/write-entry";

const tags = ["Assessment"];
const path = "/api/families/{familyId}/assessments/{assessmentId}";

const EntrySchema = z.object({
  id: z.uuid(),
  section: z.string(),
  memberId: z.uuid().nullable(),
  text: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});

const writeEntryRoute = createRoute({
  method: "put",
  path: `${path}/entries`,
  tags,
  summary: "Write one section (or one person's voice), with the version you read (0 when new)",
  request: { params: AssessmentParams, body: jsonBody(AssessmentEntryInput) },
  responses: {
    200: jsonResponse(z.object({ data: EntrySchema, abilities: FamilyAbilitiesSchema }), "Saved"),
    ...errorResponses(403, 404, 409, 422),
  },
});

const scoreRoute = createRoute({
  method: "post",
  path: `${path}/scores`,
  tags,
  summary: "Score need areas 0–10 for the assessment (a re-score replaces the earlier one)",
  request: { params: AssessmentParams, body: jsonBody(AssessmentScoresInput) },
  responses: {
    201: jsonResponse(
      z.object({
        data: z.array(ScoreSchema.omit({ recordedBy: true })),
        abilities: FamilyAbilitiesSchema,
      }),
      "The scores recorded",
    ),
    ...errorResponses(403, 404, 409, 422),
  },
});

const frozen = () =>
  new AppError(
    "conflict",
    "This assessment has been submitted or completed, so its words and scores can no longer change.",
  );

export function registerAssessmentWritingRoutes(app: ApiApp): void {
  app.openapi(writeEntryRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "assessment", "write");
    const entry = await db.transaction(async (tx) => {
      // The assessment first: another family's assessment id is 404 whatever the body says.
      const assessment = await getAssessment(tx, familyId, assessmentId, { lock: true });
      assertEntryPerson(input, await listMembers(tx, familyId));
      if (!isOpenForWriting(assessment.status)) throw frozen();
      const at = now();
      const row = await writeEntry(tx, { assessmentId, familyId, userId: actor.userId, at }, input);
      await recordAudit(tx, c, {
        event: "assessment.write",
        familyId,
        resourceType: "assessment",
        resourceId: assessmentId,
        details: { section: input.section, memberId: input.memberId ?? null },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "assessment", assessmentId, "updated");
    const data = {
      id: entry.id,
      section: entry.section,
      memberId: entry.memberId,
      text: entry.text,
      version: entry.version,
      updatedAt: entry.updatedAt.toISOString(),
    };
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(scoreRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "score", "record");
    const today = isoDay(now());
    const scoredOn = body.scoredOn ?? today;
    if (scoredOn > today) {
      throw new AppError("unprocessable", "Scores cannot be dated in the future.", {
        field: "scoredOn",
      });
    }
    const rows = await db.transaction(async (tx) => {
      const assessment = await getAssessment(tx, familyId, assessmentId, { lock: true });
      assertScoredChildren(body.scores, await listMembers(tx, familyId));
      if (!isOpenForWriting(assessment.status)) throw frozen();
      const at = now();
      const inserted = await insertScores(
        tx,
        {
          familyId,
          episodeId: assessment.episodeId,
          stage: "assessment",
          assessmentId,
          scoredOn,
          recordedBy: actor.userId,
          recordedAt: at,
        },
        body.scores,
      );
      await addContributor(tx, assessmentId, actor.userId, at);
      await recordAudit(tx, c, {
        event: "assessment.score",
        familyId,
        resourceType: "assessment",
        resourceId: assessmentId,
        details: { areas: body.scores.map((s) => s.area), scoredOn },
      });
      return inserted;
    });
    await publishFamilyChange(c, familyId, "assessment", assessmentId, "updated");
    const data = rows.map((s) => ({
      id: s.id,
      stage: s.stage,
      area: s.area,
      memberId: s.memberId,
      scoredBy: s.scoredBy,
      score: s.score,
      strengths: s.strengths,
      needs: s.needs,
      note: s.note,
      scoredOn: s.scoredOn,
      recordedAt: s.recordedAt.toISOString(),
    }));
    return c.json(withAbilities(data, access), 201);
  });
}
