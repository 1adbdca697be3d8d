import { createRoute, z } from "@hono/zod-openapi";
import { localAuthorities } from "@teamaround/db";
import {
  AppError,
  authorize,
  can,
  FamilyAbilitiesSchema,
  type FamilyAccess,
} from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { closeEpisode } from "../episodes/commands/close-episode";
import { stepDown } from "../episodes/commands/step-down";
import { CloseEpisodeBody } from "../episodes/episodes.schema";
import { publishFamilyChange } from "../events/publish-after-commit";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import { assertMayCloseDirectly } from "../sign-off/commands/closure-proposals";
import { assertLevelOfNeedConfigured } from "./families.routes";
import { FamilySchema, StepDownBody, StepUpBody } from "./families.schema";
import { loadFamilyAccess, withAbilities } from "./family-access";
import { presentFamily } from "./present-family";

const FamilyWithAbilities = z.object({ data: FamilySchema, abilities: FamilyAbilitiesSchema });
const tags = ["Families"];

function lifecycleRoute<B extends z.ZodType>(path: string, summary: string, body: B) {
  return createRoute({
    method: "post",
    path: `/api/families/{familyId}/${path}`,
    tags,
    summary,
    request: { params: FamilyParams, body: jsonBody(body) },
    responses: {
      200: jsonResponse(FamilyWithAbilities, "The family after the change"),
      ...errorResponses(403, 404, 409, 422),
    },
  });
}

const closeRoute = lifecycleRoute(
  "close",
  "Close the current Early Help episode: reason, summary, closing scores and outcomes met (where the authority asks for a manager's sign-off, propose the closure instead: 409)",
  CloseEpisodeBody,
);
const stepUpRoute = lifecycleRoute(
  "step-up",
  "Step up to statutory social care (closes the current Early Help episode)",
  StepUpBody,
);
const stepDownRoute = lifecycleRoute(
  "step-down",
  "Open a new episode when social care steps a stepped-up family down to Early Help",
  StepDownBody,
);

/** The top of the authority's scale: where a stepped-up family's level of need goes. */
async function highestLevelOfNeed(db: Parameters<typeof loadFamilyAccess>[0], authorityId: string) {
  const [authority] = await db
    .select({ levels: localAuthorities.levelsOfNeed })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  const levels = authority?.levels.map((l) => l.level) ?? [];
  if (levels.length === 0) throw new AppError("internal", "The authority has no levels of need.");
  return Math.max(...levels);
}

/**
 * Closing what has already closed is a state conflict (409), not a refusal:
 * the same person could close the family's episode while it was open.
 */
function assertNotClosed(access: FamilyAccess, action: "close" | "step_up") {
  if (access.familyStatus !== "closed") return;
  if (can({ ...access, familyStatus: "plan_active" }, "family", action)) {
    throw new AppError("conflict", "This family's Early Help episode has already closed.");
  }
}

export function registerFamilyLifecycleRoutes(app: ApiApp): void {
  app.openapi(closeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    assertNotClosed(access, "close");
    authorize(access, "family", "close");
    const { closureSignOffRequired } = await authoritySettings(db, family.authorityId);
    const updated = await db.transaction(async (tx) => {
      // Where a manager signs closures off, the lead proposes one instead (closure-proposals).
      await assertMayCloseDirectly(tx, familyId, closureSignOffRequired);
      const closed = await closeEpisode(tx, { familyId, ...body, by: actor.userId, now: now() });
      await recordAudit(tx, c, {
        event: "family.close",
        familyId,
        resourceType: "episode",
        resourceId: closed.episodeId,
        details: {
          reason: body.reason,
          scores: body.scores.length,
          outcomeResults: body.outcomeResults.length,
        },
      });
      return closed.family;
    });
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    return c.json(
      withAbilities(presentFamily(updated), { ...access, familyStatus: "closed" }),
      200,
    );
  });

  app.openapi(stepUpRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    assertNotClosed(access, "step_up");
    authorize(access, "family", "step_up");
    const levelOfNeed = await highestLevelOfNeed(db, family.authorityId);
    const updated = await db.transaction(async (tx) => {
      const closed = await closeEpisode(tx, {
        familyId,
        version: body.version,
        reason: "stepped_up",
        summary: body.note,
        levelOfNeed,
        by: actor.userId,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "family.step_up",
        familyId,
        resourceType: "episode",
        resourceId: closed.episodeId,
        details: { levelOfNeed },
      });
      return closed.family;
    });
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    return c.json(
      withAbilities(presentFamily(updated), { ...access, familyStatus: "closed" }),
      200,
    );
  });

  app.openapi(stepDownRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "family", "step_down");
    await assertLevelOfNeedConfigured(db, family.authorityId, body.levelOfNeed);
    const updated = await db.transaction(async (tx) => {
      const opened = await stepDown(tx, { familyId, ...body, by: actor.userId, now: now() });
      await recordAudit(tx, c, {
        event: "family.step_down",
        familyId,
        resourceType: "episode",
        resourceId: opened.episodeId,
        details: { levelOfNeed: body.levelOfNeed, note: body.note },
      });
      return opened.family;
    });
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    return c.json(
      withAbilities(presentFamily(updated), { ...access, familyStatus: updated.status }),
      200,
    );
  });
}
