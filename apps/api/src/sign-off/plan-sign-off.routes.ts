import { createRoute, type z } from "@hono/zod-openapi";
import {
  type Executor,
  enqueueSignOffWaiting,
  inRepeatableRead,
  loadPlanForSignOff,
  planSignOffs,
} from "@teamaround/db";
import {
  AppError,
  authorize,
  can,
  type FamilyAccess,
  planSignOffConflict,
  ReturnSignOffInput,
} from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { EmptyBody } from "../assessment/assessment.schema";
import { openEpisode } from "../assessment/commands/journey-lookups";
import { recordAudit } from "../audit/record-audit";
import { type FamilyRow, loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import {
  getPlanSignOff,
  latestPlanSignOff,
  loadPlanSignOff,
  type PlanSignOffRow,
} from "./commands/plan-sign-offs";
import { recordDecision } from "./commands/sign-off-records";
import { PlanSignOffParams, PlanSignOffResponse } from "./sign-off.schema";

const tags = ["Plan sign-off"];
const base = "/api/families/{familyId}/plan-sign-offs";

const readRoute = createRoute({
  method: "get",
  path: base,
  tags,
  summary:
    "Where the plan's sign-off stands: the latest submission, the latest approval, every decision",
  description: "Staff only: the family never sees sign-off.",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(PlanSignOffResponse, "The plan's sign-off"),
    ...errorResponses(403, 404),
  },
});

const submitRoute = createRoute({
  method: "post",
  path: base,
  tags,
  summary: "Submit the plan as it stands for a manager's sign-off (it stays editable)",
  request: { params: FamilyParams, body: jsonBody(EmptyBody) },
  responses: {
    201: jsonResponse(PlanSignOffResponse, "The submission, waiting"),
    ...errorResponses(403, 404, 409, 422),
  },
});

function decisionRoute<B extends z.ZodType>(step: "approve" | "return", summary: string, body: B) {
  return createRoute({
    method: "post",
    path: `${base}/{signOffId}/${step}`,
    tags,
    summary,
    request: {
      params: PlanSignOffParams,
      body: jsonBody(body),
    },
    responses: {
      200: jsonResponse(PlanSignOffResponse, "The plan's sign-off after the decision"),
      ...errorResponses(403, 404, 409),
    },
  });
}

const approveRoute = decisionRoute(
  "approve",
  "Approve (sign off) the plan as submitted",
  EmptyBody,
);
const returnRoute = decisionRoute(
  "return",
  "Return the submitted plan to the lead with comments",
  ReturnSignOffInput,
);

/** Acting on a case that has already closed is a state conflict for whoever could act while open. */
function refuseWhenClosed(access: FamilyAccess, action: "submit" | "sign_off") {
  if (access.familyStatus !== "closed") return;
  if (can({ ...access, familyStatus: "plan_active" }, "plan_sign_off", action)) {
    throw new AppError("conflict", "This family's Early Help episode has already closed.");
  }
}

function assertNoConflict(conflict: string | null) {
  if (conflict) throw new AppError("conflict", conflict);
}

async function respond(c: Context<ApiEnv>, family: FamilyRow, access: FamilyAccess) {
  const { db } = c.var.deps;
  const settings = await authoritySettings(db, family.authorityId);
  const data = await inRepeatableRead(db, (tx) =>
    loadPlanSignOff(tx, access, family.id, settings.planSignOffRequired),
  );
  return withAbilities(data, access);
}

/** A manager's decision: lock, check it still waits, record it with its audit row. */
async function decide(
  c: Context<ApiEnv>,
  familyId: string,
  signOffId: string,
  decision: { decision: "approved" | "returned"; comments: string | null; by: string },
) {
  const { db, now } = c.var.deps;
  await db.transaction(async (tx: Executor) => {
    const signOff: PlanSignOffRow = await getPlanSignOff(tx, familyId, signOffId, { lock: true });
    assertNoConflict(planSignOffConflict("decide", signOff, true));
    const at = now();
    await tx
      .update(planSignOffs)
      .set({ status: decision.decision, updatedAt: at })
      .where(eq(planSignOffs.id, signOff.id));
    await recordDecision(tx, { subject: "plan", ...signOff }, { ...decision, at });
    await recordAudit(tx, c, {
      event: decision.decision === "approved" ? "plan_sign_off.approve" : "plan_sign_off.return",
      familyId,
      resourceType: "plan_sign_off",
      resourceId: signOff.id,
    });
  });
}

export function registerPlanSignOffRoutes(app: ApiApp): void {
  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    authorize(access, "plan_sign_off", "read");
    const body = await respond(c, family, access);
    await recordAudit(c.var.deps.db, c, {
      event: "plan_sign_off.read",
      familyId,
      resourceType: "plan_sign_off",
      ...(body.data.current ? { resourceId: body.data.current.id } : {}),
    });
    return c.json(body, 200);
  });

  app.openapi(submitRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    refuseWhenClosed(access, "submit");
    authorize(access, "plan_sign_off", "submit");
    const settings = await authoritySettings(db, family.authorityId);
    // One consistent moment of the plan's words, outcomes and actions.
    await inRepeatableRead(db, async (tx) => {
      const episode = await openEpisode(tx, familyId);
      const latest = await latestPlanSignOff(tx, familyId, episode.id, { lock: true });
      assertNoConflict(planSignOffConflict("submit", latest, settings.planSignOffRequired));
      const plan = await loadPlanForSignOff(tx, familyId, episode.id);
      if (plan.outcomes.length === 0) {
        throw new AppError(
          "unprocessable",
          "Agree at least one outcome before the plan is signed off.",
        );
      }
      const [row] = await tx
        .insert(planSignOffs)
        .values({
          familyId,
          episodeId: episode.id,
          plan,
          submittedBy: actor.userId,
          submittedAt: now(),
        })
        // A submission racing this one (one waiting per episode): answered as the check would.
        .onConflictDoNothing()
        .returning({ id: planSignOffs.id });
      if (!row) {
        throw new AppError("conflict", "The plan is already waiting for a manager's sign-off.");
      }
      await recordAudit(tx, c, {
        event: "plan_sign_off.submit",
        familyId,
        resourceType: "plan_sign_off",
        resourceId: row.id,
        details: { outcomes: plan.outcomes.length, actions: plan.actions.length },
      });
      // The managers who may sign it off hear of it with the submission (never the family).
      if (row) {
        await enqueueSignOffWaiting(tx, {
          authorityId: family.authorityId,
          familyId,
          subject: "plan",
          key: `plan:${row.id}`,
          createdBy: actor.userId,
          now: now(),
        });
      }
    });
    // No live notice: the family's rooms must not learn of sign-off.
    return c.json(await respond(c, family, access), 201);
  });

  app.openapi(approveRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, signOffId } = c.req.valid("param");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    refuseWhenClosed(access, "sign_off");
    authorize(access, "plan_sign_off", "sign_off");
    await decide(c, familyId, signOffId, {
      decision: "approved",
      comments: null,
      by: actor.userId,
    });
    return c.json(await respond(c, family, access), 200);
  });

  app.openapi(returnRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, signOffId } = c.req.valid("param");
    const { comments } = c.req.valid("json");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    refuseWhenClosed(access, "sign_off");
    authorize(access, "plan_sign_off", "sign_off");
    await decide(c, familyId, signOffId, { decision: "returned", comments, by: actor.userId });
    return c.json(await respond(c, family, access), 200);
  });
}
