import { createRoute, type z } from "@hono/zod-openapi";
import { closureProposals, type Executor, enqueueSignOffWaiting, families } from "@teamaround/db";
import {
  AppError,
  authorize,
  can,
  closureConflict,
  type FamilyAccess,
  ReturnSignOffInput,
} from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { EmptyBody } from "../assessment/assessment.schema";
import { recordAudit } from "../audit/record-audit";
import {
  assertClosureAnswers,
  closeEpisode,
  lockOpenEpisode,
} from "../episodes/commands/close-episode";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import { registerClosureWithdrawalRoute } from "./closure-withdrawal.routes";
import {
  type ClosureProposalRow,
  getClosureProposal,
  latestClosureProposal,
  loadClosureSignOff,
} from "./commands/closure-proposals";
import { recordDecision } from "./commands/sign-off-records";
import {
  ClosureProposalParams,
  ClosureSignOffResponse,
  ProposeClosureBody,
} from "./sign-off.schema";

const tags = ["Closure sign-off"];
const base = "/api/families/{familyId}/closure-proposals";

const readRoute = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "Where closing the case stands: the latest closure proposal and every decision on it",
  description: "Staff only: the family never sees sign-off.",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(ClosureSignOffResponse, "The closure's sign-off"),
    ...errorResponses(403, 404),
  },
});

const proposeRoute = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Propose closing the episode for a manager's sign-off (the case stays open until then)",
  request: { params: FamilyParams, body: jsonBody(ProposeClosureBody) },
  responses: {
    201: jsonResponse(ClosureSignOffResponse, "The proposal, waiting"),
    ...errorResponses(403, 404, 409, 422),
  },
});

function decisionRoute<B extends z.ZodType>(step: "approve" | "return", summary: string, body: B) {
  return createRoute({
    method: "post",
    path: `${base}/{proposalId}/${step}`,
    tags,
    summary,
    request: {
      params: ClosureProposalParams,
      body: jsonBody(body),
    },
    responses: {
      200: jsonResponse(ClosureSignOffResponse, "The closure after the decision"),
      ...errorResponses(403, 404, 409),
    },
  });
}

const approveRoute = decisionRoute(
  "approve",
  "Approve a proposed closure: the episode closes with the proposed answers",
  EmptyBody,
);
const returnRoute = decisionRoute(
  "return",
  "Return a proposed closure to the lead with comments",
  ReturnSignOffInput,
);

/** Acting on a case that has already closed is a state conflict for whoever could act while open. */
function refuseWhenClosed(access: FamilyAccess, action: "propose" | "sign_off") {
  if (access.familyStatus !== "closed") return;
  if (can({ ...access, familyStatus: "plan_active" }, "closure", action)) {
    throw new AppError("conflict", "This family's Early Help episode has already closed.");
  }
}

function assertNoConflict(conflict: string | null) {
  if (conflict) throw new AppError("conflict", conflict);
}

async function familyVersion(tx: Executor, familyId: string) {
  const [row] = await tx
    .select({ version: families.version })
    .from(families)
    .where(eq(families.id, familyId));
  if (!row) throw new AppError("internal", "The family was not found.");
  return row.version;
}

/** Closes the episode with what was proposed; a plan changed since is for the lead to amend (409). */
async function closeAsProposed(tx: Executor, proposal: ClosureProposalRow, at: Date) {
  try {
    return await closeEpisode(tx, {
      familyId: proposal.familyId,
      version: await familyVersion(tx, proposal.familyId),
      reason: proposal.reason,
      summary: proposal.summary,
      scores: proposal.scores,
      outcomeResults: proposal.outcomeResults,
      // The lead's closure, in effect from the manager's approval.
      by: proposal.proposedBy,
      now: at,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "unprocessable") {
      throw new AppError(
        "conflict",
        "The plan or the family changed since this closure was proposed: return it so the lead can amend it.",
        error.details,
      );
    }
    throw error;
  }
}

/** A manager's decision: lock, check it still waits, change it with its audit row. */
async function decide(
  c: Context<ApiEnv>,
  familyId: string,
  proposalId: string,
  change: (tx: Executor, proposal: ClosureProposalRow, at: Date) => Promise<void>,
) {
  const { db, now } = c.var.deps;
  await db.transaction(async (tx) => {
    const proposal = await getClosureProposal(tx, familyId, proposalId, { lock: true });
    assertNoConflict(closureConflict("decide", proposal, true));
    await change(tx, proposal, now());
  });
}

export function registerClosureSignOffRoutes(app: ApiApp): void {
  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "closure", "read");
    const settings = await authoritySettings(db, family.authorityId);
    const data = await loadClosureSignOff(db, access, familyId, settings.closureSignOffRequired);
    await recordAudit(db, c, {
      event: "closure.read",
      familyId,
      resourceType: "closure_proposal",
      ...(data.current ? { resourceId: data.current.id } : {}),
    });
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(proposeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    refuseWhenClosed(access, "propose");
    authorize(access, "closure", "propose");
    const settings = await authoritySettings(db, family.authorityId);
    await db.transaction(async (tx) => {
      const episode = await lockOpenEpisode(tx, familyId);
      const latest = await latestClosureProposal(tx, familyId, episode.id, { lock: true });
      assertNoConflict(closureConflict("propose", latest, settings.closureSignOffRequired));
      await assertClosureAnswers(tx, familyId, episode.id, body);
      const at = now();
      const [proposal] = await tx
        .insert(closureProposals)
        .values({
          familyId,
          episodeId: episode.id,
          ...body,
          proposedBy: actor.userId,
          proposedAt: at,
        })
        .returning({ id: closureProposals.id });
      await recordAudit(tx, c, {
        event: "closure.propose",
        familyId,
        resourceType: "closure_proposal",
        ...(proposal ? { resourceId: proposal.id } : {}),
        details: {
          reason: body.reason,
          scores: body.scores.length,
          outcomeResults: body.outcomeResults.length,
        },
      });
      // The managers who may sign it off hear of it with the proposal.
      if (proposal) {
        await enqueueSignOffWaiting(tx, {
          authorityId: family.authorityId,
          familyId,
          subject: "closure",
          key: `closure:${proposal.id}`,
          createdBy: actor.userId,
          now: at,
        });
      }
    });
    // No live notice: the family's rooms must not learn that a closure waits.
    const data = await loadClosureSignOff(db, access, familyId, settings.closureSignOffRequired);
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(approveRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, proposalId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    refuseWhenClosed(access, "sign_off");
    authorize(access, "closure", "sign_off");
    await decide(c, familyId, proposalId, async (tx, proposal, at) => {
      await tx
        .update(closureProposals)
        .set({ status: "approved", updatedAt: at })
        .where(eq(closureProposals.id, proposal.id));
      await recordDecision(
        tx,
        { subject: "closure", ...proposal },
        { decision: "approved", comments: null, by: actor.userId, at },
      );
      const closed = await closeAsProposed(tx, proposal, at);
      const audit = { familyId, details: { proposalId: proposal.id, reason: proposal.reason } };
      await recordAudit(tx, c, {
        event: "closure.approve",
        resourceType: "closure_proposal",
        resourceId: proposal.id,
        ...audit,
      });
      await recordAudit(tx, c, {
        event: "family.close",
        resourceType: "episode",
        resourceId: closed.episodeId,
        ...audit,
      });
    });
    // The case has closed, as closing it directly announces.
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    const closedAccess: FamilyAccess = { ...access, familyStatus: "closed" };
    const settings = await authoritySettings(db, family.authorityId);
    const data = await loadClosureSignOff(
      db,
      closedAccess,
      familyId,
      settings.closureSignOffRequired,
    );
    return c.json(withAbilities(data, closedAccess), 200);
  });

  app.openapi(returnRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, proposalId } = c.req.valid("param");
    const { comments } = c.req.valid("json");
    const { db } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    refuseWhenClosed(access, "sign_off");
    authorize(access, "closure", "sign_off");
    await decide(c, familyId, proposalId, async (tx, proposal, at) => {
      await tx
        .update(closureProposals)
        .set({ status: "returned", updatedAt: at })
        .where(eq(closureProposals.id, proposal.id));
      await recordDecision(
        tx,
        { subject: "closure", ...proposal },
        { decision: "returned", comments, by: actor.userId, at },
      );
      await recordAudit(tx, c, {
        event: "closure.return",
        familyId,
        resourceType: "closure_proposal",
        resourceId: proposal.id,
      });
    });
    const settings = await authoritySettings(db, family.authorityId);
    const data = await loadClosureSignOff(db, access, familyId, settings.closureSignOffRequired);
    return c.json(withAbilities(data, access), 200);
  });

  registerClosureWithdrawalRoute(app);
}
