import { createRoute } from "@hono/zod-openapi";
import { recordCorrections } from "@teamaround/db";
import { AppError, authorize } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { requireClosedRecord, requireRecord } from "./closed-record";
import {
  CorrectionInput,
  CorrectionList,
  CorrectionParams,
  CorrectionResult,
} from "./corrections.schema";
import { listCorrections } from "./corrections-queries";

const tags = ["Corrections"];
const path = "/api/families/{familyId}/records/{recordKind}/{recordId}/corrections";

const createCorrectionRoute = createRoute({
  method: "post",
  path,
  tags,
  summary:
    "Correct a closed record (assessment, review, closure, meeting record): appended beneath the original with a reason, never an edit (the lead or a service manager)",
  request: { params: CorrectionParams, body: jsonBody(CorrectionInput) },
  responses: {
    201: jsonResponse(CorrectionResult, "The correction"),
    ...errorResponses(403, 404, 409),
  },
});

const listCorrectionsRoute = createRoute({
  method: "get",
  path,
  tags,
  summary: "A record's corrections, oldest first (staff of the case)",
  request: { params: CorrectionParams },
  responses: { 200: jsonResponse(CorrectionList, "The corrections"), ...errorResponses(403, 404) },
});

export function registerCorrectionRoutes(app: ApiApp): void {
  app.openapi(createCorrectionRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, recordKind, recordId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "correction", "create");
    const id = await db.transaction(async (tx) => {
      await requireClosedRecord(tx, familyId, recordKind, recordId);
      const [row] = await tx
        .insert(recordCorrections)
        .values({
          familyId,
          recordKind,
          recordId,
          ...input,
          correctedBy: actor.userId,
          correctedAt: now(),
        })
        .returning({ id: recordCorrections.id });
      if (!row) throw new AppError("internal", "The correction was not saved.");
      // Ids only: the corrected words stay in the record, not the audit log.
      await recordAudit(tx, c, {
        event: "correction.create",
        familyId,
        resourceType: recordKind,
        resourceId: recordId,
        details: { correctionId: row.id },
      });
      return row.id;
    });
    const data = (await listCorrections(db, familyId, recordKind, recordId)).find(
      (x) => x.id === id,
    );
    if (!data) throw new AppError("internal", "The correction was not found after saving.");
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(listCorrectionsRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, recordKind, recordId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "correction", "read");
    await requireRecord(db, familyId, recordKind, recordId);
    const data = await listCorrections(db, familyId, recordKind, recordId);
    await recordAudit(db, c, {
      event: "correction.list",
      familyId,
      resourceType: recordKind,
      resourceId: recordId,
    });
    return c.json(withAbilities(data, access), 200);
  });
}
