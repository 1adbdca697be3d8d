import { createRoute } from "@hono/zod-openapi";
import { enqueueHelpRequestOutcome, helpRequests } from "@teamaround/db";
import { AppError, authorizeRequest, notFound } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { assertLevelOfNeedConfigured } from "../families/families.routes";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { updateVersioned } from "../shared/versioned-update";
import {
  acceptRequest,
  assertAcceptLocality,
  assertAllocatableLead,
  localityOnAccept,
} from "./commands/accept-request";
import { getRequestRow, requestAbilities } from "./load-requests";
import { presentRequest } from "./requests.routes";
import { HelpRequestWithAbilities, RequestParams, TriageBody } from "./requests.schema";

const triageRoute = createRoute({
  method: "post",
  path: "/api/help-requests/{requestId}/triage",
  tags: ["Requests for help"],
  summary: "Accept (allocating a lead: a case opens), signpost, or not accept a request",
  description: "A request is decided once; deciding it again is 409.",
  request: { params: RequestParams, body: jsonBody(TriageBody) },
  responses: {
    200: jsonResponse(HelpRequestWithAbilities, "The decided request"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerTriageRoutes(app: ApiApp): void {
  app.openapi(triageRoute, async (c) => {
    const actor = requireActor(c);
    const { requestId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const request = await getRequestRow(db, requestId);
    if (!request) throw notFound("That request");
    authorizeRequest(actor, request, "triage");
    if (request.status !== "awaiting_triage") {
      throw new AppError("conflict", "This request has already been decided.");
    }
    const locality = body.decision === "accept" ? localityOnAccept(request, body.locality) : null;
    if (body.decision === "accept") {
      await assertAllocatableLead(db, request.authorityId, body.leadUserId);
      await assertLevelOfNeedConfigured(db, request.authorityId, body.levelOfNeed);
      await assertAcceptLocality(db, request, body.locality, locality);
    }
    const at = now();
    const decided = await db.transaction(async (tx) => {
      // Whoever asked hears the outcome, written with the decision.
      const outcome = {
        accept: "accepted",
        signpost: "signposted",
        not_accepted: "not_accepted",
      } as const;
      await enqueueHelpRequestOutcome(tx, request, {
        outcome: outcome[body.decision],
        decidedBy: actor.userId,
        now: at,
      });
      if (body.decision === "accept") {
        const accepted = await acceptRequest(tx, {
          request,
          leadUserId: body.leadUserId,
          levelOfNeed: body.levelOfNeed,
          locality,
          version: body.version,
          by: actor.userId,
          now: at,
        });
        await recordAudit(tx, c, {
          event: "help_request.accept",
          familyId: accepted.familyId,
          resourceType: "help_request",
          resourceId: request.id,
          details: {
            episodeId: accepted.episodeId,
            leadUserId: body.leadUserId,
            newFamily: accepted.created,
          },
        });
        return {
          row: accepted.request,
          familyChange: accepted.created ? ("created" as const) : ("updated" as const),
        };
      }
      const row = await updateVersioned(
        tx,
        helpRequests,
        {
          id: request.id,
          scope: eq(helpRequests.status, "awaiting_triage"),
          expectedVersion: body.version,
        },
        {
          status: body.decision === "signpost" ? "signposted" : "not_accepted",
          signpostedTo: body.decision === "signpost" ? body.signpostedTo : null,
          triageReason: body.reason,
          triagedBy: actor.userId,
          triagedAt: at,
        },
      );
      await recordAudit(tx, c, {
        event: `help_request.${body.decision}`,
        familyId: request.familyId,
        resourceType: "help_request",
        resourceId: request.id,
      });
      return { row, familyChange: null };
    });
    const familyId = decided.row.familyId;
    if (familyId && decided.familyChange) {
      await publishFamilyChange(c, familyId, "family", familyId, decided.familyChange);
    }
    const data = await presentRequest(db, request.id);
    return c.json({ data, abilities: requestAbilities(actor, decided.row) }, 200);
  });
}
