import { createRoute } from "@hono/zod-openapi";
import { consents } from "@teamaround/db";
import { AppError, authorize, canRecordConsentAs } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { ConsentList, ConsentWithAbilities, RecordConsentBody } from "./consents.schema";
import { aYearOn } from "./field-checks";
import { listConsentViews } from "./present-consent";
import { checkRecordConsent } from "./record-consent-checks";

const tags = ["Consent"];

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/consents",
  tags,
  summary: "The family's consent-to-share records, with their state",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(ConsentList, "Consent records, newest first"),
    ...errorResponses(403, 404),
  },
});

const recordRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/consents",
  tags,
  summary: "Record consent given or refused",
  description:
    "Staff in the team record anyone's consent; a family member records their own, online.",
  request: { params: FamilyParams, body: jsonBody(RecordConsentBody) },
  responses: {
    201: jsonResponse(ConsentWithAbilities, "The consent record"),
    ...errorResponses(403, 404, 422),
  },
});

export function registerConsentRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "consent", "read");
    const data = await listConsentViews(db, access, isoDay(now()));
    await recordAudit(db, c, {
      event: "consent.list",
      familyId,
      resourceType: "consent",
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
    authorize(access, "consent", "record");
    if (!canRecordConsentAs(access, body)) {
      throw new AppError("forbidden", "You may record only your own consent, given online.");
    }
    await checkRecordConsent(db, family, body, now());
    const obtainedAt = new Date(body.obtainedAt);
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(consents)
        .values({
          familyId,
          givenByMemberId: body.givenByMemberId,
          coversMemberIds: [...new Set(body.coversMemberIds)],
          decision: body.decision,
          agencyIds: [...new Set(body.agencyIds)],
          informationKinds: [...new Set(body.informationKinds)],
          withheld: body.withheld ?? null,
          method: body.method,
          obtainedAt,
          obtainedBy: actor.userId,
          reviewDate: body.reviewDate ?? aYearOn(isoDay(obtainedAt)),
        })
        .returning();
      if (!inserted) throw new AppError("internal", "The consent was not saved.");
      await recordAudit(tx, c, {
        event: "consent.record",
        familyId,
        resourceType: "consent",
        resourceId: inserted.id,
        details: { decision: inserted.decision, agencyIds: inserted.agencyIds },
      });
      return inserted;
    });
    await publishFamilyChange(c, familyId, "consent", row.id, "created");
    const [view] = await listConsentViews(db, access, isoDay(now()), { consentId: row.id });
    if (!view) throw new AppError("internal", "The consent was saved but could not be read.");
    return c.json(withAbilities(view, access), 201);
  });
}
