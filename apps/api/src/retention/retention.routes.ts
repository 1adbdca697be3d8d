import { createRoute, z } from "@hono/zod-openapi";
import { eraseFamily, executeRows, retentionReviews, type Transaction } from "@teamaround/db";
import { AppError, authorizeGlobal, notFound, revocationReasons } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Context } from "hono";
import { requireAuthorityActor } from "../admin/admin-context";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAfterCommit } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { isoDay } from "../shared/dates";
import {
  EraseFamilyBody,
  ErasureSchema,
  ExtendRetentionBody,
  HoldRetentionBody,
  LiftHoldBody,
  OneRetentionReview,
  RetentionParams,
  RetentionReviewList,
} from "./retention.schema";
import { findReview, listDueReviews } from "./retention-queries";

const tags = ["Administration"];
const base = "/api/admin/retention-reviews";

const listRoute = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "Closed families' records past the authority's retention rule, due for review",
  responses: { 200: jsonResponse(RetentionReviewList, "The list"), ...errorResponses(403) },
});

const action = (path: string, summary: string, body: z.ZodType, statuses: (409 | 422)[]) =>
  createRoute({
    method: "post",
    path: `${base}/{familyId}/${path}`,
    tags,
    summary,
    request: { params: RetentionParams, body: jsonBody(body) },
    responses: {
      200: jsonResponse(OneRetentionReview, "The review"),
      ...errorResponses(403, 404, ...statuses),
    },
  });

const extendRoute = action(
  "extend",
  "Keep the record until a later day, with a reason",
  ExtendRetentionBody,
  [409, 422],
);
const holdRoute = action(
  "hold",
  "Place a legal hold: nothing is erased until it is lifted",
  HoldRetentionBody,
  [409, 422],
);
const liftRoute = action("lift-hold", "Lift the legal hold", LiftHoldBody, [409]);

const eraseRoute = createRoute({
  method: "post",
  path: `${base}/{familyId}/erase`,
  tags,
  summary:
    "Erase the family's personal data from every table and live document; the audit trail stays, pseudonymised",
  request: { params: RetentionParams, body: jsonBody(EraseFamilyBody) },
  responses: {
    200: jsonResponse(z.object({ data: ErasureSchema }), "Erased"),
    ...errorResponses(403, 404, 409, 422),
  },
});

/** Changes a listed review at the version read: 409 when stale, 404 when not the authority's. */
async function updateReview(
  tx: Transaction,
  where: { authorityId: string; familyId: string; version: number },
  values: Partial<typeof retentionReviews.$inferInsert>,
) {
  const updated = await tx
    .update(retentionReviews)
    .set({ ...values, version: sql`${retentionReviews.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(retentionReviews.familyId, where.familyId),
        eq(retentionReviews.authorityId, where.authorityId),
        eq(retentionReviews.version, where.version),
        isNull(retentionReviews.erasedAt),
      ),
    )
    .returning({ familyId: retentionReviews.familyId });
  if (updated.length === 0) await refuseStale(tx, where);
}

async function refuseStale(
  tx: Transaction,
  where: { authorityId: string; familyId: string; version: number },
): Promise<never> {
  const current = await findReview(tx, where.authorityId, where.familyId);
  if (!current) throw notFound("That record due for review");
  throw new AppError(
    "stale_version",
    "Someone else changed this since you opened it. Reload to see their change, then try again.",
    { currentVersion: current.version, yourVersion: where.version },
  );
}

async function reviewOrNotFound(tx: Transaction, authorityId: string, familyId: string) {
  const review = await findReview(tx, authorityId, familyId);
  if (!review) throw notFound("That record due for review");
  return review;
}

/**
 * One change to a family's review (extend, hold, lift the hold): refused by
 * `refuse` when the review's state does not allow it, stale versions 409,
 * audited, in one transaction; answers the review as it now is.
 */
async function changeReview(
  c: Context<ApiEnv>,
  target: { authorityId: string; familyId: string; version: number },
  change: {
    refuse?: (review: Awaited<ReturnType<typeof reviewOrNotFound>>) => string | null;
    values: Partial<typeof retentionReviews.$inferInsert>;
    event: "retention.extend" | "retention.hold" | "retention.lift_hold";
    details?: Record<string, unknown>;
  },
) {
  const { authorityId, familyId } = target;
  return c.var.deps.db.transaction(async (tx) => {
    const review = await reviewOrNotFound(tx, authorityId, familyId);
    const refusal = change.refuse?.(review);
    if (refusal) throw new AppError("conflict", refusal);
    await updateReview(tx, target, change.values);
    await recordAudit(tx, c, {
      event: change.event,
      familyId,
      resourceType: "retention_review",
      resourceId: familyId,
      ...(change.details ? { details: change.details } : {}),
    });
    return reviewOrNotFound(tx, authorityId, familyId);
  });
}

export function registerRetentionRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "retention_review", "list");
    const { db, now } = c.var.deps;
    const data = await db.transaction(async (tx) => {
      const rows = await listDueReviews(tx, authorityId, isoDay(now()));
      await recordAudit(tx, c, {
        event: "retention.list",
        resourceType: "retention_review",
        details: { count: rows.length },
      });
      return rows;
    });
    return c.json({ data }, 200);
  });

  app.openapi(extendRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "retention_review", "extend");
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json") as z.infer<typeof ExtendRetentionBody>;
    const { now } = c.var.deps;
    if (body.until <= isoDay(now())) {
      throw new AppError("unprocessable", "The new date must be after today.", {
        fields: { until: "must be after today" },
      });
    }
    const data = await changeReview(
      c,
      { authorityId, familyId, version: body.version },
      {
        values: {
          extendedUntil: body.until,
          extensionReason: body.reason,
          extendedBy: actor.userId,
        },
        event: "retention.extend",
        details: { until: body.until },
      },
    );
    return c.json({ data }, 200);
  });

  app.openapi(holdRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "retention_review", "hold");
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json") as z.infer<typeof HoldRetentionBody>;
    const data = await changeReview(
      c,
      { authorityId, familyId, version: body.version },
      {
        refuse: (review) => (review.hold ? "This record is already on legal hold." : null),
        values: { holdReason: body.reason, heldBy: actor.userId, heldAt: c.var.deps.now() },
        event: "retention.hold",
      },
    );
    return c.json({ data }, 200);
  });

  app.openapi(liftRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "retention_review", "hold");
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json") as z.infer<typeof LiftHoldBody>;
    const data = await changeReview(
      c,
      { authorityId, familyId, version: body.version },
      {
        refuse: (review) => (review.hold ? null : "This record is not on legal hold."),
        values: { holdReason: null, heldBy: null, heldAt: null },
        event: "retention.lift_hold",
      },
    );
    return c.json({ data }, 200);
  });

  app.openapi(eraseRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "retention_review", "erase");
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json") as z.infer<typeof EraseFamilyBody>;
    const { db, now } = c.var.deps;
    const data = await db.transaction(async (tx) => {
      // Locks the review: a hold placed meanwhile waits for this answer, or wins.
      await tx.execute(
        sql`select 1 from retention_reviews where family_id = ${familyId} for update`,
      );
      const review = await reviewOrNotFound(tx, authorityId, familyId);
      if (review.version !== body.version)
        await refuseStale(tx, { authorityId, familyId, ...body });
      if (review.hold) {
        throw new AppError(
          "conflict",
          "This record is on legal hold, so it cannot be erased. Lift the hold first.",
          { hold: true },
        );
      }
      if (body.confirmReference.trim() !== review.familyReference) {
        throw new AppError("unprocessable", "Type the family reference exactly to confirm.", {
          fields: { confirmReference: "does not match the family reference" },
        });
      }
      const today = isoDay(now());
      if (review.extendedUntil && review.extendedUntil > today) {
        throw new AppError("conflict", `This record is kept until ${review.extendedUntil}.`);
      }
      const [open] = await executeRows(
        tx,
        sql`select 1 from episodes where family_id = ${familyId} and status <> 'closed' limit 1`,
      );
      if (open) throw new AppError("conflict", "This family has an open episode again.");

      const erased = await eraseFamily(tx, familyId);
      const erasedAt = now();
      await tx
        .update(retentionReviews)
        .set({ erasedAt, erasedBy: actor.userId, version: sql`${retentionReviews.version} + 1` })
        .where(eq(retentionReviews.familyId, familyId));
      // No personal data here: who (the actor), when, which family reference.
      await recordAudit(tx, c, {
        event: "family.erase",
        familyId,
        resourceType: "family",
        resourceId: familyId,
        details: { familyReference: erased.reference, people: erased.people },
      });
      return { familyReference: erased.reference, erasedAt: erasedAt.toISOString() };
    });
    await publishAfterCommit(c, {
      type: "access.revoked",
      familyId,
      reason: revocationReasons.accessEnded,
    });
    return c.json({ data }, 200);
  });
}
