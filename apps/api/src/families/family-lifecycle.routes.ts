import { createRoute, z } from "@hono/zod-openapi";
import { families } from "@teamaround/db";
import { AppError, authorize, FamilyAbilitiesSchema } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { updateVersioned } from "../shared/versioned-update";
import { assertLevelOfNeedConfigured } from "./families.routes";
import { CloseFamilyBody, FamilySchema, StepDownBody, StepUpBody } from "./families.schema";
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

const closeRoute = lifecycleRoute("close", "Close the case with a reason", CloseFamilyBody);
const stepUpRoute = lifecycleRoute(
  "step-up",
  "Step up to statutory social care (closes the Early Help case)",
  StepUpBody,
);
const stepDownRoute = lifecycleRoute(
  "step-down",
  "Reopen a stepped-up case when social care steps it down to Early Help",
  StepDownBody,
);

export function registerFamilyLifecycleRoutes(app: ApiApp): void {
  app.openapi(closeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "family", "close");
    const values = {
      status: "closed",
      closureReason: body.reason,
      closureNote: body.note,
      closedAt: now(),
    };
    const updated = await changeLifecycle(c, familyId, body.version, values, "family.close");
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
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "family", "step_up");
    const values = {
      status: "closed",
      closureReason: "stepped_up",
      closureNote: body.note,
      closedAt: now(),
      levelOfNeed: 4,
    };
    const updated = await changeLifecycle(c, familyId, body.version, values, "family.step_up");
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
    if (family.closureReason !== "stepped_up") {
      throw new AppError("unprocessable", "Only a case that was stepped up can be stepped down.");
    }
    await assertLevelOfNeedConfigured(db, family.authorityId, body.levelOfNeed);
    const values = {
      status: "assessment_started",
      origin: "stepped_down",
      steppedDownAt: now(),
      levelOfNeed: body.levelOfNeed,
      closureReason: null,
      closureNote: null,
      closedAt: null,
    };
    const updated = await changeLifecycle(
      c,
      familyId,
      body.version,
      values,
      "family.step_down",
      body.note,
    );
    return c.json(
      withAbilities(presentFamily(updated), { ...access, familyStatus: updated.status }),
      200,
    );
  });
}

async function changeLifecycle(
  c: Parameters<typeof recordAudit>[1],
  familyId: string,
  version: number,
  values: Record<string, unknown>,
  event: string,
  note?: string,
) {
  const updated = await c.var.deps.db.transaction(async (tx) => {
    const row = await updateVersioned(
      tx,
      families,
      { id: familyId, scope: eq(families.id, familyId), expectedVersion: version },
      values,
    );
    await recordAudit(tx, c, {
      event,
      familyId,
      resourceType: "family",
      resourceId: familyId,
      details: { reason: row.closureReason, ...(note ? { note } : {}) },
    });
    return row;
  });
  await publishFamilyChange(c, familyId, "family", familyId, "updated");
  return updated;
}
