import { createRoute } from "@hono/zod-openapi";
import { closureProposals, dropUnsentSignOffWaiting } from "@teamaround/db";
import {
  AppError,
  authorize,
  can,
  closureConflict,
  type FamilyAccess,
  WithdrawClosureInput,
} from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import { getClosureProposal, loadClosureSignOff } from "./commands/closure-proposals";
import { recordDecision } from "./commands/sign-off-records";
import { ClosureProposalParams, ClosureSignOffResponse } from "./sign-off.schema";

const withdrawRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/closure-proposals/{proposalId}/withdraw",
  tags: ["Closure sign-off"],
  summary: "Withdraw a closure proposal still waiting for sign-off (the lead professional)",
  description:
    "The case stays open as it was (proposing never changed it); the proposal leaves the managers' sign-off queue and the withdrawal joins the closure's history, with the reason if one is given. A proposal already decided or withdrawn is 409.",
  request: { params: ClosureProposalParams, body: jsonBody(WithdrawClosureInput) },
  responses: {
    200: jsonResponse(ClosureSignOffResponse, "The closure after the withdrawal"),
    ...errorResponses(403, 404, 409),
  },
});

/** On a closed case the lead's step is a state conflict (as for proposing); others are refused. */
function refuseWhenClosed(access: FamilyAccess) {
  if (access.familyStatus !== "closed") return;
  if (can({ ...access, familyStatus: "plan_active" }, "closure", "withdraw")) {
    throw new AppError("conflict", "This family's Early Help episode has already closed.");
  }
}

export function registerClosureWithdrawalRoute(app: ApiApp): void {
  app.openapi(withdrawRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, proposalId } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    refuseWhenClosed(access);
    authorize(access, "closure", "withdraw");
    await db.transaction(async (tx) => {
      const proposal = await getClosureProposal(tx, familyId, proposalId, { lock: true });
      const conflict = closureConflict("withdraw", proposal, true);
      if (conflict) throw new AppError("conflict", conflict);
      const at = now();
      await tx
        .update(closureProposals)
        .set({ status: "withdrawn", updatedAt: at })
        .where(eq(closureProposals.id, proposal.id));
      await recordDecision(
        tx,
        { subject: "closure", ...proposal },
        { decision: "withdrawn", comments: reason ?? null, by: actor.userId, at },
      );
      // Managers not yet told of it are not told now.
      const unsent = await dropUnsentSignOffWaiting(tx, {
        familyId,
        key: `closure:${proposal.id}`,
      });
      await recordAudit(tx, c, {
        event: "closure.withdraw",
        familyId,
        resourceType: "closure_proposal",
        resourceId: proposal.id,
        details: { reasonGiven: reason !== undefined, unsentNoticesDropped: unsent },
      });
    });
    // No live notice, as for proposing: the family never learns of sign-off.
    const settings = await authoritySettings(db, family.authorityId);
    const data = await loadClosureSignOff(db, access, familyId, settings.closureSignOffRequired);
    return c.json(withAbilities(data, access), 200);
  });
}
