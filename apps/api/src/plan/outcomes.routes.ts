import { createRoute, z } from "@hono/zod-openapi";
import { getLatestEpisode, outcomes } from "@teamaround/db";
import { AppError, authorize, FamilyAbilitiesSchema, wholeFamily } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import {
  assertAudienceMembers,
  audienceColumnsOf,
  audienceOf,
  familySeenBy,
} from "../shared/family-audience";
import { updateVersioned } from "../shared/versioned-update";
import { assertNotPast } from "./commands/assert-not-past";
import { outcomeAudienceChange, recordAudienceChange } from "./commands/change-audience";
import { loadPlan } from "./commands/load-plan";
import { assertOutcomeOpen, planEpisode } from "./commands/plan-episode";
import {
  CreateOutcomeBody,
  OutcomeParams,
  OutcomeSchema,
  PlanOutcomeSchema,
  PlanQuery,
  UpdateOutcomeBody,
} from "./plan.schema";
import { presentOutcome } from "./present-outcome";

const tags = ["Plan"];
const OutcomeWithAbilities = z.object({ data: OutcomeSchema, abilities: FamilyAbilitiesSchema });

const readPlanRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/outcomes",
  tags,
  summary:
    "The plan: the current episode's outcomes (or an earlier episode's), each with its actions, owners and progress",
  request: { params: FamilyParams, query: PlanQuery },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(PlanOutcomeSchema), abilities: FamilyAbilitiesSchema }),
      "The plan",
    ),
    ...errorResponses(404),
  },
});

const createOutcomeRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/outcomes",
  tags,
  summary: "Add an outcome the family wants to reach (to the current episode's plan)",
  request: { params: FamilyParams, body: jsonBody(CreateOutcomeBody) },
  responses: {
    201: jsonResponse(OutcomeWithAbilities, "The new outcome"),
    ...errorResponses(403, 404, 422),
  },
});

const updateOutcomeRoute = createRoute({
  method: "patch",
  path: "/api/families/{familyId}/outcomes/{outcomeId}",
  tags,
  summary: "Change an outcome of the current episode (optimistic concurrency)",
  request: { params: OutcomeParams, body: jsonBody(UpdateOutcomeBody) },
  responses: {
    200: jsonResponse(OutcomeWithAbilities, "The updated outcome"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerOutcomeRoutes(app: ApiApp): void {
  app.openapi(readPlanRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { episodeId } = c.req.valid("query");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "outcome", "read");
    authorize(access, "action", "read");
    const episode = await planEpisode(db, familyId, episodeId);
    const plan = await loadPlan(db, access, episode.id, isoDay(now()));
    await recordAudit(db, c, {
      event: "plan.read",
      familyId,
      resourceType: "plan",
      details: { episodeId: episode.id },
    });
    return c.json(withAbilities(plan, access), 200);
  });

  app.openapi(createOutcomeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "outcome", "create");
    assertNotPast(body.targetDate, isoDay(now()), "targetDate");
    const { audience = wholeFamily, ...fields } = body;
    await assertAudienceMembers(db, familyId, audience);
    const outcome = await db.transaction(async (tx) => {
      // A new outcome belongs to the current episode (open: a closed case refuses new outcomes).
      const episode = await getLatestEpisode(tx, familyId);
      const [row] = await tx
        .insert(outcomes)
        .values({
          ...fields,
          ...audienceColumnsOf(audience),
          familyId,
          episodeId: episode.id,
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new AppError("internal", "The outcome was not saved.");
      await recordAudit(tx, c, {
        event: "outcome.create",
        familyId,
        resourceType: "outcome",
        resourceId: row.id,
        details: { area: row.area, audience: audience.kind },
      });
      return row;
    });
    const seenBy = await familySeenBy(db, familyId, [[audience]]);
    await publishFamilyChange(c, familyId, "outcome", outcome.id, "created", seenBy);
    return c.json(withAbilities(presentOutcome(outcome), access), 201);
  });

  app.openapi(updateOutcomeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, outcomeId } = c.req.valid("param");
    const { version, audience, ...changes } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "outcome", "update");
    assertNotPast(changes.targetDate, isoDay(now()), "targetDate");
    const audienceChange = audience
      ? await outcomeAudienceChange(db, familyId, outcomeId, audience)
      : null;
    const updated = await db.transaction(async (tx) => {
      await assertOutcomeOpen(tx, familyId, outcomeId);
      const row = await updateVersioned(
        tx,
        outcomes,
        { id: outcomeId, scope: eq(outcomes.familyId, familyId), expectedVersion: version },
        { ...changes, ...(audience ? audienceColumnsOf(audience) : {}) },
      );
      if (audienceChange) {
        const target = { familyId, resourceType: "outcome", resourceId: outcomeId } as const;
        await recordAudienceChange(tx, c, target, audienceChange);
      }
      await recordAudit(tx, c, {
        event: "outcome.update",
        familyId,
        resourceType: "outcome",
        resourceId: outcomeId,
        details: { changed: [...Object.keys(changes), ...(audience ? ["audience"] : [])] },
      });
      return row;
    });
    const chains = [[audienceOf(updated)], ...(audienceChange ? [[audienceChange.from]] : [])];
    const seenBy = await familySeenBy(db, familyId, chains);
    await publishFamilyChange(c, familyId, "outcome", outcomeId, "updated", seenBy);
    return c.json(withAbilities(presentOutcome(updated), access), 200);
  });
}
