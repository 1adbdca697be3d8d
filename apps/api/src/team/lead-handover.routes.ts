import { createRoute } from "@hono/zod-openapi";
import { AppError, authorize, can } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { handOverLead } from "./commands/hand-over-lead";
import { getMembership, presentMembership } from "./list-team";
import { HandOverLeadBody, HandoverResult } from "./team.schema";

const handoverRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/team/lead",
  tags: ["Team"],
  summary: "Hand the lead professional role to another team member",
  description:
    "You stay in the team as a member, on a consent or lawful basis covering your agency.",
  request: { params: FamilyParams, body: jsonBody(HandOverLeadBody) },
  responses: {
    200: jsonResponse(HandoverResult, "The new and the previous lead"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerLeadHandoverRoutes(app: ApiApp): void {
  app.openapi(handoverRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { membershipId } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "team", "lead_handover");
    const result = await db.transaction(async (tx) => {
      const swapped = await handOverLead(tx, {
        familyId,
        leadUserId: actor.userId,
        membershipId,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "team.lead_handover",
        familyId,
        resourceType: "team_membership",
        resourceId: swapped.leadId,
        details: { previousLeadMembershipId: swapped.previousLeadId, ...swapped.outgoingBasis },
      });
      return swapped;
    });
    await publishFamilyChange(c, familyId, "team", result.leadId, "updated");
    const [lead, previousLead] = await Promise.all([
      getMembership(db, familyId, result.leadId),
      getMembership(db, familyId, result.previousLeadId),
    ]);
    if (!lead || !previousLead) throw new AppError("internal", "The team could not be reloaded.");
    const after = { ...access, teamRole: "member" as const };
    const showBasis = can(after, "lawful_basis", "read");
    return c.json(
      withAbilities(
        {
          lead: presentMembership(lead, showBasis),
          previousLead: presentMembership(previousLead, showBasis),
        },
        after,
      ),
      200,
    );
  });
}
