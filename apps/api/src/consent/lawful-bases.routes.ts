import { createRoute } from "@hono/zod-openapi";
import { lawfulBasisRecords } from "@teamaround/db";
import { AppError, authorize, notFound, revocationReasons } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAccessRevoked, publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { alreadyEnded, endLawfulBasis } from "./commands/end-lawful-basis";
import type { TeamChange } from "./commands/remove-memberships-without-basis";
import { futureIssues, notToldIssues, rejectIssues } from "./field-checks";
import {
  EndLawfulBasisBody,
  LawfulBasisEndResult,
  LawfulBasisList,
  LawfulBasisParams,
  LawfulBasisWithAbilities,
  RecordLawfulBasisBody,
} from "./lawful-bases.schema";
import { activeAgencyIssues } from "./lookups";
import { listLawfulBasisViews } from "./present-lawful-basis";

const tags = ["Lawful basis"];
const path = "/api/families/{familyId}/lawful-bases";

const listRoute = createRoute({
  method: "get",
  path,
  tags,
  summary: "Decisions to share without consent (staff only)",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(LawfulBasisList, "Lawful-basis records, newest first"),
    ...errorResponses(403, 404),
  },
});

const recordRoute = createRoute({
  method: "post",
  path,
  tags,
  summary: "Record a decision to share on a basis other than consent",
  request: { params: FamilyParams, body: jsonBody(RecordLawfulBasisBody) },
  responses: {
    201: jsonResponse(LawfulBasisWithAbilities, "The lawful-basis record"),
    ...errorResponses(403, 404, 422),
  },
});

const endRoute = createRoute({
  method: "post",
  path: `${path}/{lawfulBasisId}/end`,
  tags,
  summary: "End a lawful basis; team members resting on it leave unless otherwise covered",
  request: { params: LawfulBasisParams, body: jsonBody(EndLawfulBasisBody) },
  responses: {
    200: jsonResponse(LawfulBasisEndResult, "The ended record and what followed"),
    ...errorResponses(403, 404, 409),
  },
});

const person = ({ userId, name, agency }: TeamChange) => ({ userId, name, agency });

export function registerLawfulBasisRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "lawful_basis", "read");
    const data = await listLawfulBasisViews(db, familyId);
    await recordAudit(db, c, {
      event: "lawful_basis.list",
      familyId,
      resourceType: "lawful_basis",
      details: { count: data.length },
    });
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(recordRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "lawful_basis", "record");
    const decidedAt = new Date(body.decidedAt);
    rejectIssues(
      [
        ...futureIssues(decidedAt, now(), "decidedAt"),
        ...notToldIssues(body.familyTold, body.notToldReason),
        ...(await activeAgencyIssues(db, family.authorityId, body.agencyIds, "agencyIds")),
      ],
      "This lawful basis cannot be recorded as it stands.",
    );
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(lawfulBasisRecords)
        .values({
          familyId,
          basis: body.basis,
          agencyIds: [...new Set(body.agencyIds)],
          justification: body.justification,
          decidedBy: actor.userId,
          decidedAt,
          familyTold: body.familyTold,
          notToldReason: body.notToldReason ?? null,
        })
        .returning({ id: lawfulBasisRecords.id });
      if (!row) throw new AppError("internal", "The lawful basis was not saved.");
      await recordAudit(tx, c, {
        event: "lawful_basis.record",
        familyId,
        resourceType: "lawful_basis",
        resourceId: row.id,
        details: { basis: body.basis, agencyIds: body.agencyIds, familyTold: body.familyTold },
      });
      return row.id;
    });
    await publishFamilyChange(c, familyId, "lawful_basis", id, "created");
    const [view] = await listLawfulBasisViews(db, familyId, { lawfulBasisId: id });
    if (!view) throw new AppError("internal", "The lawful basis was saved but could not be read.");
    return c.json(withAbilities(view, access), 201);
  });

  app.openapi(endRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, lawfulBasisId } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "lawful_basis", "end");
    const [record] = await db
      .select({ endedAt: lawfulBasisRecords.endedAt })
      .from(lawfulBasisRecords)
      .where(
        and(eq(lawfulBasisRecords.id, lawfulBasisId), eq(lawfulBasisRecords.familyId, familyId)),
      );
    if (!record) throw notFound("That lawful basis");
    if (record.endedAt) throw alreadyEnded();
    const outcome = await db.transaction(async (tx) => {
      const result = await endLawfulBasis(tx, { familyId, lawfulBasisId, now: now() });
      await recordAudit(tx, c, {
        event: "lawful_basis.end",
        familyId,
        resourceType: "lawful_basis",
        resourceId: lawfulBasisId,
        details: {
          reason,
          removedMemberships: result.removed.map((m) => m.membershipId),
          repointedMemberships: result.repointed.map((m) => m.membershipId),
        },
      });
      return result;
    });
    const reasonShown = revocationReasons.lawfulBasisEnded;
    await publishAccessRevoked(c, { ...outcome.revokedAccess, reason: reasonShown });
    await publishFamilyChange(c, familyId, "lawful_basis", lawfulBasisId, "updated");
    const [view] = await listLawfulBasisViews(db, familyId, { lawfulBasisId });
    if (!view) throw new AppError("internal", "The lawful basis was ended but could not be read.");
    const data = {
      lawfulBasis: view,
      reason,
      removedTeamMembers: outcome.removed.map(person),
      repointedTeamMembers: outcome.repointed.map(person),
    };
    return c.json(withAbilities(data, access), 200);
  });
}
