import { createRoute } from "@hono/zod-openapi";
import { correctionRequests, type Executor } from "@teamaround/db";
import {
  AppError,
  authorize,
  canRequestCorrection,
  canSeeCorrectionRequest,
  refusalMessage,
} from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { requireClosedRecord } from "./closed-record";
import {
  CorrectionRequestInput,
  CorrectionRequestList,
  CorrectionRequestParams,
  CorrectionRequestResult,
  DeclineCorrectionRequestInput,
} from "./correction-requests.schema";
import { listCorrectionRequests } from "./correction-requests-queries";
import { CorrectionInput, CorrectionParams } from "./corrections.schema";
import { acceptCorrectionRequest, declineCorrectionRequest } from "./decide-correction-request";

const tags = ["Corrections"];
const one = "/api/families/{familyId}/correction-requests/{requestId}";

const requestRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/records/{recordKind}/{recordId}/correction-requests",
  tags,
  summary:
    "A family member asks for a correction to a closed record they can see: what is wrong and what it should say (409 while the record is open)",
  request: { params: CorrectionParams, body: jsonBody(CorrectionRequestInput) },
  responses: {
    201: jsonResponse(CorrectionRequestResult, "The request, waiting"),
    ...errorResponses(403, 404, 409),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/correction-requests",
  tags,
  summary:
    "Requests for corrections: every one of the family's for the lead and service managers, a family member's own for them",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(CorrectionRequestList, "The requests"),
    ...errorResponses(403, 404),
  },
});

const acceptRoute = createRoute({
  method: "post",
  path: `${one}/accept`,
  tags,
  summary:
    "Accept a request: the correction (in the decider's words) is appended to the record and linked to the request, in one transaction",
  request: { params: CorrectionRequestParams, body: jsonBody(CorrectionInput) },
  responses: {
    200: jsonResponse(CorrectionRequestResult, "The request, accepted"),
    ...errorResponses(403, 404, 409),
  },
});

const declineRoute = createRoute({
  method: "post",
  path: `${one}/decline`,
  tags,
  summary: "Decline a request with a reason the family member reads",
  request: { params: CorrectionRequestParams, body: jsonBody(DeclineCorrectionRequestInput) },
  responses: {
    200: jsonResponse(CorrectionRequestResult, "The request, declined"),
    ...errorResponses(403, 404, 409),
  },
});

async function presentOne(db: Executor, familyId: string, id: string) {
  const [data] = await listCorrectionRequests(db, familyId, id);
  if (!data) throw new AppError("internal", "The request was not found after saving.");
  return data;
}

export function registerCorrectionRequestRoutes(app: ApiApp): void {
  app.openapi(requestRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, recordKind, recordId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "correction_request", "create");
    if (!canRequestCorrection(access, recordKind)) {
      throw new AppError("forbidden", refusalMessage("correction_request", "create"));
    }
    const id = await db.transaction(async (tx) => {
      await requireClosedRecord(tx, familyId, recordKind, recordId);
      const [row] = await tx
        .insert(correctionRequests)
        .values({
          familyId,
          recordKind,
          recordId,
          ...input,
          requestedBy: actor.userId,
          requestedAt: now(),
        })
        .returning({ id: correctionRequests.id });
      if (!row) throw new AppError("internal", "The request was not saved.");
      // Ids only: the member's words stay in the request.
      await recordAudit(tx, c, {
        event: "correction_request.create",
        familyId,
        resourceType: "correction_request",
        resourceId: row.id,
        details: { recordKind, recordId },
      });
      return row.id;
    });
    return c.json(withAbilities(await presentOne(db, familyId, id), access), 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "correction_request", "read");
    const data = (await listCorrectionRequests(db, familyId))
      .filter((r) => canSeeCorrectionRequest(access, { requestedBy: r.requestedBy.id }))
      .sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending"));
    await recordAudit(db, c, {
      event: "correction_request.list",
      familyId,
      resourceType: "correction_request",
    });
    const pending = data.filter((r) => r.status === "pending").length;
    return c.json({ ...withAbilities(data, access), pending }, 200);
  });

  app.openapi(acceptRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, requestId } = c.req.valid("param");
    const correction = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "correction_request", "decide");
    const decider = { familyId, requestId, userId: actor.userId, now: now() };
    await db.transaction((tx) => acceptCorrectionRequest(tx, c, decider, correction));
    return c.json(withAbilities(await presentOne(db, familyId, requestId), access), 200);
  });

  app.openapi(declineRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, requestId } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "correction_request", "decide");
    const decider = { familyId, requestId, userId: actor.userId, now: now() };
    await db.transaction((tx) => declineCorrectionRequest(tx, c, decider, reason));
    return c.json(withAbilities(await presentOne(db, familyId, requestId), access), 200);
  });
}
