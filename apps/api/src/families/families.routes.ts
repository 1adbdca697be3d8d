import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { families, localAuthorities, openFamily } from "@teamaround/db";
import { AppError, authorize, authorizeGlobal, FamilyAbilitiesSchema } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { followFamilyChange } from "../episodes/commands/follow-family-change";
import { publishFamilyChange } from "../events/publish-after-commit";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { updateVersioned } from "../shared/versioned-update";
import {
  CreateFamilyBody,
  DocumentAccessesSchema,
  FamilySchema,
  FamilySummarySchema,
  UpdateFamilyBody,
} from "./families.schema";
import { loadFamilyAccess, withAbilities } from "./family-access";
import { listMyFamilies } from "./list-my-families";
import { presentDocumentAccess, presentFamily } from "./present-family";

const FamilyWithAbilities = z.object({ data: FamilySchema, abilities: FamilyAbilitiesSchema });
const FamilyRead = FamilyWithAbilities.extend({ documents: DocumentAccessesSchema });
const tags = ["Families"];

const listRoute = createRoute({
  method: "get",
  path: "/api/families",
  tags,
  summary: "The families on my caseload",
  responses: {
    200: jsonResponse(z.object({ data: z.array(FamilySummarySchema) }), "My families"),
    ...errorResponses(403),
  },
});

const createFamilyRoute = createRoute({
  method: "post",
  path: "/api/families",
  tags,
  summary: "Start a case; the creator becomes its lead professional",
  request: { body: jsonBody(CreateFamilyBody) },
  responses: {
    201: jsonResponse(FamilyWithAbilities, "The new family"),
    ...errorResponses(403, 422),
  },
});

const readRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}",
  tags,
  summary: "One family, with what I may do",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(FamilyRead, "The family, what I may do, and the live documents I may open"),
    ...errorResponses(404),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/families/{familyId}",
  tags,
  summary: "Change the level of need (kept as episode history) or the name",
  request: { params: FamilyParams, body: jsonBody(UpdateFamilyBody) },
  responses: {
    200: jsonResponse(FamilyWithAbilities, "The updated family"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export async function assertLevelOfNeedConfigured(
  db: Parameters<typeof loadFamilyAccess>[0],
  authorityId: string,
  level: number,
) {
  const [authority] = await db
    .select({ levels: localAuthorities.levelsOfNeed })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  if (!authority?.levels.some((l) => l.level === level)) {
    throw new AppError(
      "unprocessable",
      `Level of need ${level} is not one of this authority's levels.`,
      [{ path: "levelOfNeed", message: "not a configured level of need" }],
    );
  }
}

/** A family's locality must be one of its authority's (null: not recorded). */
export async function assertLocalityConfigured(
  db: Parameters<typeof loadFamilyAccess>[0],
  authorityId: string,
  locality: string | null | undefined,
) {
  if (locality === null || locality === undefined) return;
  const [authority] = await db
    .select({ localities: localAuthorities.localities })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  if (!authority?.localities.includes(locality)) {
    throw new AppError(
      "unprocessable",
      `"${locality}" is not one of this authority's localities.`,
      [{ path: "locality", message: "not a configured locality" }],
    );
  }
}

export function registerFamilyRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "family", "list_mine");
    const { db, now } = c.var.deps;
    const data = await listMyFamilies(db, actor, isoDay(now()), now());
    // One event per request, however many families the list shows.
    await recordAudit(db, c, {
      event: "family.list",
      resourceType: "family",
      details: { count: data.length, familyIds: data.map((f) => f.id) },
    });
    return c.json({ data }, 200);
  });

  app.openapi(createFamilyRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "family", "create");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { user } = c.var;
    const owningAgencyId = actor.agencyId;
    // The policy refuses anyone without an agency; this only narrows the types.
    if (!user || owningAgencyId === null)
      throw new AppError("internal", "No agency to own the case.");
    await assertLevelOfNeedConfigured(db, user.authorityId, body.levelOfNeed);
    await assertLocalityConfigured(db, user.authorityId, body.locality);
    const family = await db.transaction(async (tx) => {
      const { family: row } = await openFamily(tx, {
        family: {
          authorityId: user.authorityId,
          owningAgencyId,
          reference: `EH-${new Date().getUTCFullYear()}-${randomBytes(3).toString("hex").toUpperCase()}`,
          displayName: body.displayName,
          levelOfNeed: body.levelOfNeed,
          locality: body.locality ?? null,
          steppedDownAt: body.origin === "stepped_down" ? now() : null,
          createdBy: actor.userId,
        },
        leadId: actor.userId,
        origin: body.origin === "stepped_down" ? "stepped_down" : "request_for_help",
        openedAt: now(),
      });
      await recordAudit(tx, c, {
        event: "family.create",
        familyId: row.id,
        resourceType: "family",
        resourceId: row.id,
      });
      return row;
    });
    await publishFamilyChange(c, family.id, "family", family.id, "created");
    const { access } = await loadFamilyAccess(db, actor, family.id);
    return c.json(withAbilities(presentFamily(family), access), 201);
  });

  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "family", "read");
    await recordAudit(db, c, {
      event: "family.read",
      familyId,
      resourceType: "family",
      resourceId: familyId,
    });
    return c.json(
      {
        ...withAbilities(presentFamily(family), access),
        documents: presentDocumentAccess(access),
      },
      200,
    );
  });

  app.openapi(updateRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "family", "update");
    if (changes.levelOfNeed !== undefined) {
      await assertLevelOfNeedConfigured(db, family.authorityId, changes.levelOfNeed);
    }
    await assertLocalityConfigured(db, family.authorityId, changes.locality);
    const updated = await db.transaction(async (tx) => {
      const row = await updateVersioned(
        tx,
        families,
        { id: familyId, scope: eq(families.id, familyId), expectedVersion: version },
        changes,
      );
      await followFamilyChange(tx, { before: family, after: row, by: actor.userId, now: now() });
      await recordAudit(tx, c, {
        event: "family.update",
        familyId,
        resourceType: "family",
        resourceId: familyId,
        details: { changed: Object.keys(changes) },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    return c.json(
      withAbilities(presentFamily(updated), { ...access, familyStatus: updated.status }),
      200,
    );
  });
}
