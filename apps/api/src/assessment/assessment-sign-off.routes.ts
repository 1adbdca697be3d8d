import { createRoute } from "@hono/zod-openapi";
import {
  assessments,
  type Executor,
  enqueueSignOffWaiting,
  signOffDecisions,
} from "@teamaround/db";
import {
  AppError,
  type AssessmentStatus,
  type AuditEventName,
  authorize,
  type FamilyAccess,
  isOpenForWriting,
  ReturnAssessmentInput,
  type SignOffDecision,
} from "@teamaround/domain";
import { eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { type FamilyRow, loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { authoritySettings } from "../shared/authority-settings";
import { AssessmentParams, AssessmentWithAbilities, EmptyBody } from "./assessment.schema";
import { completeAssessment } from "./commands/complete-assessment";
import { type AssessmentRow, getAssessment } from "./commands/journey-lookups";
import { missingForAssessment, presentAssessment } from "./commands/present-assessment";

const tags = ["Assessment"];

function stepRoute(
  step: string,
  summary: string,
  body: typeof EmptyBody | typeof ReturnAssessmentInput,
) {
  return createRoute({
    method: "post",
    path: `/api/families/{familyId}/assessments/{assessmentId}/${step}`,
    tags,
    summary,
    request: { params: AssessmentParams, body: jsonBody(body) },
    responses: {
      200: jsonResponse(AssessmentWithAbilities, "The assessment after the step"),
      ...errorResponses(403, 404, 409, 422),
    },
  });
}

const submitRoute = stepRoute(
  "submit",
  "Submit the assessment for a manager's sign-off",
  EmptyBody,
);
const approveRoute = stepRoute("approve", "Approve (sign off) a submitted assessment", EmptyBody);
const returnRoute = stepRoute(
  "return",
  "Return a submitted assessment to the lead with comments",
  ReturnAssessmentInput,
);
const completeRoute = stepRoute(
  "complete",
  "Complete the assessment where the authority needs no sign-off",
  EmptyBody,
);

async function assertReady(tx: Executor, assessment: AssessmentRow) {
  const missing = await missingForAssessment(tx, assessment);
  if (missing.length > 0) {
    throw new AppError(
      "unprocessable",
      "Write every section and score at least one need area first.",
      { missing },
    );
  }
}

function assertStatus(
  assessment: AssessmentRow,
  allowed: (s: AssessmentStatus) => boolean,
  message: string,
) {
  if (!allowed(assessment.status)) throw new AppError("conflict", message);
}

/** Appends the manager's decision to the sign-off history (kept across resubmissions). */
async function recordDecision(
  tx: Executor,
  assessment: AssessmentRow,
  d: { decision: SignOffDecision; comments: string | null; by: string; at: Date },
) {
  await tx.insert(signOffDecisions).values({
    familyId: assessment.familyId,
    episodeId: assessment.episodeId,
    subject: "assessment",
    subjectId: assessment.id,
    decision: d.decision,
    comments: d.comments,
    decidedBy: d.by,
    decidedAt: d.at,
  });
}

/** The shared shape of a step: lock, check, change with its audit row, publish, present. */
async function runStep(
  c: Context<ApiEnv>,
  family: FamilyRow,
  access: FamilyAccess,
  assessmentId: string,
  event: AuditEventName,
  change: (tx: Executor, assessment: AssessmentRow, at: Date) => Promise<void>,
) {
  const { db, now } = c.var.deps;
  const familyId = family.id;
  await db.transaction(async (tx) => {
    const assessment = await getAssessment(tx, familyId, assessmentId, { lock: true });
    await change(tx, assessment, now());
    await recordAudit(tx, c, {
      event,
      familyId,
      resourceType: "assessment",
      resourceId: assessmentId,
    });
  });
  await publishFamilyChange(c, familyId, "assessment", assessmentId, "updated");
  const assessment = await getAssessment(db, familyId, assessmentId);
  const settings = await authoritySettings(db, family.authorityId);
  return withAbilities(await presentAssessment(db, access, assessment, settings), access);
}

export function registerAssessmentSignOffRoutes(app: ApiApp): void {
  app.openapi(submitRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    authorize(access, "assessment", "submit");
    const settings = await authoritySettings(c.var.deps.db, family.authorityId);
    const body = await runStep(
      c,
      family,
      access,
      assessmentId,
      "assessment.submit",
      async (tx, a, at) => {
        if (!settings.assessmentSignOffRequired) {
          throw new AppError(
            "conflict",
            "Your authority does not ask for a manager's sign-off: complete the assessment instead.",
          );
        }
        assertStatus(a, isOpenForWriting, "Only an assessment being written can be submitted.");
        await assertReady(tx, a);
        await tx
          .update(assessments)
          .set({
            status: "submitted",
            submittedAt: at,
            submittedBy: actor.userId,
            version: sql`${assessments.version} + 1`,
            updatedAt: at,
          })
          .where(eq(assessments.id, a.id));
        // The managers who may sign it off hear of it with the submission.
        await enqueueSignOffWaiting(tx, {
          authorityId: family.authorityId,
          familyId,
          subject: "assessment",
          assessmentId: a.id,
          key: `assessment:${a.id}:${at.toISOString()}`,
          createdBy: actor.userId,
          now: at,
        });
      },
    );
    return c.json(body, 200);
  });

  app.openapi(approveRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    authorize(access, "assessment", "sign_off");
    const body = await runStep(
      c,
      family,
      access,
      assessmentId,
      "assessment.approve",
      async (tx, a, at) => {
        assertStatus(a, (s) => s === "submitted", "Only a submitted assessment can be signed off.");
        await completeAssessment(tx, a, { userId: actor.userId, at, decided: true });
        await recordDecision(tx, a, { decision: "approved", comments: null, by: actor.userId, at });
      },
    );
    // Completion moves the episode and the family's status on.
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    return c.json(body, 200);
  });

  app.openapi(returnRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const { comments } = c.req.valid("json");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    authorize(access, "assessment", "sign_off");
    const body = await runStep(
      c,
      family,
      access,
      assessmentId,
      "assessment.return",
      async (tx, a, at) => {
        assertStatus(a, (s) => s === "submitted", "Only a submitted assessment can be returned.");
        await recordDecision(tx, a, { decision: "returned", comments, by: actor.userId, at });
        await tx
          .update(assessments)
          .set({
            status: "returned",
            decidedAt: at,
            decidedBy: actor.userId,
            returnComments: comments,
            version: sql`${assessments.version} + 1`,
            updatedAt: at,
          })
          .where(eq(assessments.id, a.id));
      },
    );
    return c.json(body, 200);
  });

  app.openapi(completeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, assessmentId } = c.req.valid("param");
    const { family, access } = await loadFamilyAccess(c.var.deps.db, actor, familyId);
    authorize(access, "assessment", "complete");
    const settings = await authoritySettings(c.var.deps.db, family.authorityId);
    const body = await runStep(
      c,
      family,
      access,
      assessmentId,
      "assessment.complete",
      async (tx, a, at) => {
        if (settings.assessmentSignOffRequired) {
          throw new AppError(
            "conflict",
            "Your authority asks for a manager's sign-off: submit the assessment for approval instead.",
          );
        }
        assertStatus(a, isOpenForWriting, "This assessment is already completed.");
        await assertReady(tx, a);
        await completeAssessment(tx, a, { userId: actor.userId, at, decided: false });
      },
    );
    // Completion moves the episode and the family's status on.
    await publishFamilyChange(c, familyId, "family", familyId, "updated");
    return c.json(body, 200);
  });
}
