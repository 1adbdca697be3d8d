import { createRoute } from "@hono/zod-openapi";
import { sharingRecords } from "@teamaround/db";
import { AppError, authorize, can, wholeFamily } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { assertAudienceMembers, audienceColumnsOf } from "../shared/family-audience";
import { checkRecordSharing } from "./check-share";
import { listSharingViews } from "./list-sharing";
import { RecordSharingBody, SharingList, SharingWithAbilities } from "./sharing.schema";

const tags = ["Information sharing"];
const path = "/api/families/{familyId}/sharing";

const listRoute = createRoute({
  method: "get",
  path,
  tags,
  summary: "The information-sharing register, newest first",
  description: "A family member sees only the entries marked visible to the family.",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(SharingList, "Register entries"),
    ...errorResponses(403, 404),
  },
});

const recordRoute = createRoute({
  method: "post",
  path,
  tags,
  summary: "Record a share, under a consent or a lawful basis",
  request: { params: FamilyParams, body: jsonBody(RecordSharingBody) },
  responses: {
    201: jsonResponse(SharingWithAbilities, "The register entry"),
    ...errorResponses(403, 404, 422),
  },
});

export function registerSharingRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "sharing", "read");
    const includeHidden = can(access, "sharing", "read_hidden");
    const data = await listSharingViews(db, familyId, { includeHidden, seenBy: access });
    await recordAudit(db, c, {
      event: "sharing.list",
      familyId,
      resourceType: "sharing",
      details: { count: data.length, includeHidden },
    });
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(recordRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "sharing", "record");
    const fromAgencyId = actor.agencyId;
    // The policy refuses anyone without an agency; this only narrows the type.
    if (fromAgencyId === null)
      throw new AppError("internal", "No agency to record the share from.");
    await checkRecordSharing(db, family, body, now());
    const audience = body.audience ?? wholeFamily;
    await assertAudienceMembers(db, familyId, audience);
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(sharingRecords)
        .values({
          familyId,
          informationKind: body.informationKind,
          summary: body.summary,
          sharedBy: actor.userId,
          fromAgencyId,
          toAgencyId: body.toAgencyId,
          toPerson: body.toPerson ?? null,
          purpose: body.purpose,
          sharedAt: new Date(body.sharedAt),
          consentId: body.consentId ?? null,
          lawfulBasisId: body.lawfulBasisId ?? null,
          familyTold: body.familyTold,
          notToldReason: body.notToldReason ?? null,
          visibleToFamily: body.visibleToFamily ?? body.familyTold,
          ...audienceColumnsOf(audience),
        })
        .returning({ id: sharingRecords.id });
      if (!row) throw new AppError("internal", "The share was not saved.");
      await recordAudit(tx, c, {
        event: "sharing.record",
        familyId,
        resourceType: "sharing",
        resourceId: row.id,
        details: { toAgencyId: body.toAgencyId, informationKind: body.informationKind },
      });
      return row.id;
    });
    await publishFamilyChange(c, familyId, "sharing", id, "created");
    const [view] = await listSharingViews(db, familyId, { includeHidden: true, sharingId: id });
    if (!view) throw new AppError("internal", "The share was saved but could not be read.");
    return c.json(withAbilities(view, access), 201);
  });
}
