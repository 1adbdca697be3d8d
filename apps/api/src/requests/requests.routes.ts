import { createRoute } from "@hono/zod-openapi";
import { enqueueHelpRequestReceived } from "@teamaround/db";
import { AppError, authorizeGlobal, authorizeRequest, notFound } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit, recordAuditEach } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { createRequest } from "./commands/create-request";
import { getRequest, getRequestRow, listRequests, requestAbilities } from "./load-requests";
import {
  CreateHelpRequestBody,
  HelpRequestList,
  HelpRequestWithAbilities,
  RequestListQuery,
  RequestParams,
} from "./requests.schema";

const tags = ["Requests for help"];

const createRequestRoute = createRoute({
  method: "post",
  path: "/api/help-requests",
  tags,
  summary: "Ask a service for Early Help for a family (known, or new)",
  request: { body: jsonBody(CreateHelpRequestBody) },
  responses: {
    201: jsonResponse(HelpRequestWithAbilities, "The request, awaiting triage"),
    ...errorResponses(403, 404, 422),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/help-requests",
  tags,
  summary: "Requests to my service (awaiting triage first), or the ones I asked",
  request: { query: RequestListQuery },
  responses: { 200: jsonResponse(HelpRequestList, "Requests"), ...errorResponses(403) },
});

const readRoute = createRoute({
  method: "get",
  path: "/api/help-requests/{requestId}",
  tags,
  summary: "One request for help and its outcome",
  request: { params: RequestParams },
  responses: { 200: jsonResponse(HelpRequestWithAbilities, "The request"), ...errorResponses(404) },
});

/** Reloads a request with its names; it has just been read or written, so it exists. */
export async function presentRequest(db: Parameters<typeof getRequest>[0], requestId: string) {
  const request = await getRequest(db, requestId);
  if (!request) throw new AppError("internal", "The request could not be reloaded.");
  return request;
}

export function registerRequestRoutes(app: ApiApp): void {
  app.openapi(createRequestRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "help_request", "create");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { user } = c.var;
    if (!user) throw new AppError("unauthenticated", "Please sign in.");
    const row = await db.transaction(async (tx) => {
      const created = await createRequest(tx, actor, user, body, isoDay(now()));
      // The managers of the service asked hear of it with the request, or not at all.
      await enqueueHelpRequestReceived(tx, created, now());
      await recordAudit(tx, c, {
        event: "help_request.create",
        familyId: created.familyId,
        resourceType: "help_request",
        resourceId: created.id,
        details: {
          receivingAgencyId: created.receivingAgencyId,
          reReferral: created.reReferralOfEpisodeId !== null,
        },
      });
      return created;
    });
    if (row.familyId) await publishFamilyChange(c, row.familyId, "family", row.familyId, "updated");
    const data = await presentRequest(db, row.id);
    return c.json({ data, abilities: requestAbilities(actor, row) }, 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "help_request", "list");
    const { view } = c.req.valid("query");
    const { db } = c.var.deps;
    const requests = await listRequests(db, actor, view);
    // One row for the list, and one for each known family whose request it showed.
    const familyIds = [...new Set(requests.flatMap((r) => (r.familyId ? [r.familyId] : [])))];
    await recordAuditEach(db, c, [
      {
        event: "help_request.list",
        resourceType: "help_request",
        details: { view, count: requests.length },
      },
      ...familyIds.map((familyId) => ({
        event: "help_request.list" as const,
        familyId,
        resourceType: "help_request",
        details: { view },
      })),
    ]);
    const data = requests.map((request) => ({
      ...request,
      abilities: requestAbilities(actor, {
        id: request.id,
        createdBy: request.askedBy.id,
        receivingAgencyId: request.receivingAgency.id,
        status: request.status,
      }),
    }));
    return c.json({ data }, 200);
  });

  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { requestId } = c.req.valid("param");
    const { db } = c.var.deps;
    const row = await getRequestRow(db, requestId);
    if (!row) throw notFound("That request");
    authorizeRequest(actor, row, "read");
    await recordAudit(db, c, {
      event: "help_request.read",
      familyId: row.familyId,
      resourceType: "help_request",
      resourceId: row.id,
    });
    const data = await presentRequest(db, row.id);
    return c.json({ data, abilities: requestAbilities(actor, row) }, 200);
  });
}
