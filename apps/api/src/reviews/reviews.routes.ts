import { createRoute } from "@hono/zod-openapi";
import { AppError, authorize, can, notFound, ReviewInput } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { MeetingParams } from "../meetings/meetings.schema";
import { authoritySettings } from "../shared/authority-settings";
import { getReview, listReviews, presentReviews } from "./present-review";
import { recordReview } from "./record-review";
import { ReviewListSchema, ReviewParams, ReviewWithAbilities } from "./reviews.schema";

const tags = ["Reviews"];

const recordRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/meetings/{meetingId}/review",
  tags,
  summary: "Record a review meeting's new scores, verdict, decision and next review date",
  request: { params: MeetingParams, body: jsonBody(ReviewInput) },
  responses: {
    201: jsonResponse(ReviewWithAbilities, "The review"),
    ...errorResponses(403, 404, 409, 422),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/reviews",
  tags,
  summary: "The family's reviews, newest first, with their scores",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(ReviewListSchema, "The reviews"), ...errorResponses(404) },
});

const readRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/reviews/{reviewId}",
  tags,
  summary: "One recorded review: its verdict, decision, next date, summary and scores",
  request: { params: ReviewParams },
  responses: { 200: jsonResponse(ReviewWithAbilities, "The review"), ...errorResponses(404) },
});

export function registerReviewRoutes(app: ApiApp): void {
  app.openapi(recordRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "review", "record");
    const settings = await authoritySettings(db, family.authorityId);
    const cadence = { minWeeks: settings.reviewMinWeeks, maxWeeks: settings.reviewMaxWeeks };
    const review = await db.transaction(async (tx) => {
      const row = await recordReview(tx, input, {
        familyId,
        meetingId,
        userId: actor.userId,
        now: now(),
        cadence,
      });
      await recordAudit(tx, c, {
        event: "review.record",
        familyId,
        resourceType: "review",
        resourceId: row.id,
        details: { meetingId, verdict: row.verdict, decision: row.decision },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "review", review.id, "created");
    const [presented] = await presentReviews(
      db,
      familyId,
      [review],
      can(access, "episode", "read_notes"),
    );
    if (!presented) throw new AppError("internal", "The review was not found after saving.");
    return c.json(withAbilities(presented, access), 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "review", "read");
    const data = await presentReviews(
      db,
      familyId,
      await listReviews(db, familyId),
      can(access, "episode", "read_notes"),
    );
    await recordAudit(db, c, { event: "review.list", familyId, resourceType: "review" });
    return c.json(withAbilities(data, access), 200);
  });

  app.openapi(readRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, reviewId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "review", "read");
    const row = await getReview(db, familyId, reviewId);
    if (!row) throw notFound("That review");
    const [data] = await presentReviews(db, familyId, [row], can(access, "episode", "read_notes"));
    if (!data) throw notFound("That review");
    await recordAudit(db, c, {
      event: "review.read",
      familyId,
      resourceType: "review",
      resourceId: reviewId,
    });
    return c.json(withAbilities(data, access), 200);
  });
}
