import { createRoute } from "@hono/zod-openapi";
import { agreements, familyMembers } from "@teamaround/db";
import { AppError, authorize } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { mayAgreeForThemselves } from "../members/member-rules";
import { isoDay } from "../shared/dates";
import { AgreementList, AgreementWithAbilities, RecordAgreementBody } from "./agreements.schema";
import { getAgreement, listAgreements, presentAgreement } from "./list-agreements";

const tags = ["Agreement"];

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/agreements",
  tags,
  summary: "The family's agreement (or decline) to take part in Early Help, newest first",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(AgreementList, "The agreement records"), ...errorResponses(404) },
});

const recordRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/agreements",
  tags,
  summary: "Record that a family member agreed, or declined, to take part in Early Help",
  request: { params: FamilyParams, body: jsonBody(RecordAgreementBody) },
  responses: {
    201: jsonResponse(AgreementWithAbilities, "The agreement record"),
    ...errorResponses(403, 404, 422),
  },
});

const unprocessable = (path: string, message: string) =>
  new AppError("unprocessable", message, [{ path, message }]);

/** A date means that day (UTC); a date-time is taken as given. Neither may be in the future. */
function parseAgreedAt(value: string, now: Date): Date {
  const isDateOnly = value.length === 10;
  const future = isDateOnly ? value > isoDay(now) : new Date(value).getTime() > now.getTime();
  if (future) throw unprocessable("agreedAt", "agreedAt cannot be in the future");
  return new Date(isDateOnly ? `${value}T00:00:00Z` : value);
}

export function registerAgreementRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "agreement", "read");
    const rows = await listAgreements(db, familyId);
    await recordAudit(db, c, {
      event: "agreement.list",
      familyId,
      resourceType: "agreement",
      details: { count: rows.length },
    });
    return c.json(withAbilities(rows.map(presentAgreement), access), 200);
  });

  app.openapi(recordRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "agreement", "record");
    const agreedAt = parseAgreedAt(body.agreedAt, now());
    const [member] = await db
      .select()
      .from(familyMembers)
      .where(and(eq(familyMembers.id, body.memberId), eq(familyMembers.familyId, familyId)));
    if (!member) throw unprocessable("memberId", "memberId is not a member of this family");
    if (!mayAgreeForThemselves(member, isoDay(now()))) {
      throw unprocessable(
        "memberId",
        "Agreement must come from an adult with parental responsibility, or a young person judged competent or aged 16 or over.",
      );
    }
    // Agreement alone never changes the family's status; the lead marks the plan active.
    const agreementId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(agreements)
        .values({
          familyId,
          memberId: member.id,
          agreed: body.agreed,
          agreedAt,
          note: body.note ?? null,
          recordedBy: actor.userId,
        })
        .returning({ id: agreements.id });
      if (!row) throw new AppError("internal", "The agreement was not saved.");
      await recordAudit(tx, c, {
        event: "agreement.record",
        familyId,
        resourceType: "agreement",
        resourceId: row.id,
        details: { memberId: member.id, agreed: body.agreed },
      });
      return row.id;
    });
    await publishFamilyChange(c, familyId, "agreement", agreementId, "created");
    const row = await getAgreement(db, familyId, agreementId);
    if (!row) throw new AppError("internal", "The agreement was not saved.");
    return c.json(withAbilities(presentAgreement(row), access), 201);
  });
}
