import { createRoute, z } from "@hono/zod-openapi";
import { feedbackAnswers } from "@teamaround/db";
import { AppError, authorize } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isUniqueViolation } from "../members/commands/is-unique-violation";
import {
  AnswerFeedbackBody,
  FamilyFeedbackResult,
  FeedbackAnswerSchema,
  FeedbackParams,
  OpenFeedbackList,
} from "./feedback.schema";
import { getInvitation, listOpenInvitations, loadFamilyFeedback } from "./feedback-queries";

const tags = ["How was it for you?"];

const openRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/feedback/open",
  tags,
  summary: "The invitations to say how it was that I have not answered (family members)",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(OpenFeedbackList, "Unanswered invitations"),
    ...errorResponses(403, 404),
  },
});

const answerRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/feedback/{invitationId}",
  tags,
  summary: 'Answer "How was it for you?" (family members; once each)',
  request: { params: FeedbackParams, body: jsonBody(AnswerFeedbackBody) },
  responses: {
    201: jsonResponse(
      z.object({ data: FeedbackAnswerSchema, abilities: OpenFeedbackList.shape.abilities }),
      "Thank you: the answer is recorded",
    ),
    ...errorResponses(403, 404, 409),
  },
});

const familyRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/feedback",
  tags,
  summary: "What the family said: figures, and the answers shared with the lead (lead, managers)",
  request: { params: FamilyParams },
  responses: {
    200: jsonResponse(FamilyFeedbackResult, "The family's feedback"),
    ...errorResponses(403, 404),
  },
});

export function registerFeedbackRoutes(app: ApiApp): void {
  app.openapi(openRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "feedback", "answer");
    const memberId = access.familyMemberId ?? "";
    const data = await listOpenInvitations(db, familyId, memberId);
    await recordAudit(db, c, {
      event: "feedback.list_open",
      familyId,
      resourceType: "feedback",
      details: { count: data.length },
    });
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(answerRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, invitationId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "feedback", "answer");
    const memberId = access.familyMemberId ?? "";
    await getInvitation(db, familyId, invitationId);
    const answer = await db
      .transaction(async (tx) => {
        const [row] = await tx
          .insert(feedbackAnswers)
          .values({ ...body, invitationId, familyId, memberId, answeredAt: now() })
          .returning();
        if (!row) throw new AppError("internal", "The answer was not saved.");
        await recordAudit(tx, c, {
          event: "feedback.answer",
          familyId,
          resourceType: "feedback",
          resourceId: row.id,
          details: { invitationId, shareWithLead: row.shareWithLead },
        });
        return row;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw alreadyAnswered();
        throw err;
      });
    await publishFamilyChange(c, familyId, "feedback", answer.id, "created");
    const data = {
      id: answer.id,
      invitationId,
      answeredAt: answer.answeredAt.toISOString(),
    };
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(familyRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "feedback", "read");
    const data = await loadFamilyFeedback(db, familyId);
    await recordAudit(db, c, {
      event: "feedback.read",
      familyId,
      resourceType: "feedback",
      details: { answers: data.answers, shared: data.shared.map((a) => a.id) },
    });
    return c.json(withAbilities(data, access), 200);
  });
}

function alreadyAnswered(): AppError {
  return new AppError("conflict", "You have already answered this. Thank you.", [
    { path: "invitationId", message: "already answered" },
  ]);
}
