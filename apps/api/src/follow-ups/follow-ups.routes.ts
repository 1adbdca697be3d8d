import { createRoute } from "@hono/zod-openapi";
import { sustainabilityChecks } from "@teamaround/db";
import { AppError, authorize, authorizeGlobal, canRecordFollowUp } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit, recordAuditEach } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import {
  findFollowUp,
  followUpNotFound,
  listMyDueFollowUps,
  presentFollowUp,
} from "./follow-up-queries";
import {
  DueFollowUpList,
  FollowUpParams,
  FollowUpResult,
  RecordFollowUpBody,
} from "./follow-ups.schema";

const tags = ["Follow-up after closure"];

const dueRoute = createRoute({
  method: "get",
  path: "/api/follow-ups",
  tags,
  summary: "My follow-ups due: has the change lasted, 3 and 6 months after closure (leads)",
  responses: { 200: jsonResponse(DueFollowUpList, "Follow-ups due"), ...errorResponses(403) },
});

const recordRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/follow-ups/{checkId}",
  tags,
  summary: "Record whether the change was sustained (the lead at closure, or the lead now; once)",
  request: { params: FollowUpParams, body: jsonBody(RecordFollowUpBody) },
  responses: {
    200: jsonResponse(FollowUpResult, "The follow-up, answered"),
    ...errorResponses(403, 404, 409),
  },
});

export function registerFollowUpRoutes(app: ApiApp): void {
  app.openapi(dueRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_follow_ups", "list");
    const { db, now } = c.var.deps;
    const data = await listMyDueFollowUps(db, actor.userId, isoDay(now()));
    const familyIds = [...new Set(data.map((f) => f.familyId))];
    await recordAuditEach(
      db,
      c,
      familyIds.length === 0
        ? [{ event: "follow_up.list_due", details: { count: 0 } }]
        : familyIds.map((familyId) => ({
            event: "follow_up.list_due",
            familyId,
            resourceType: "follow_up",
            details: { checkIds: data.filter((f) => f.familyId === familyId).map((f) => f.id) },
          })),
    );
    return c.json({ data }, 200);
  });

  app.openapi(recordRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, checkId } = c.req.valid("param");
    const { result, note } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    const check = await findFollowUp(db, familyId, checkId);
    // The lead when the episode closed may have left the team since; anyone else goes through the policy.
    if (!check || !canRecordFollowUp(access, check)) authorize(access, "follow_up", "record");
    if (!check) throw followUpNotFound();
    const updated = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(sustainabilityChecks)
        .set({ result, note: note ?? null, recordedBy: actor.userId, recordedAt: now() })
        .where(
          and(
            eq(sustainabilityChecks.id, checkId),
            eq(sustainabilityChecks.familyId, familyId),
            isNull(sustainabilityChecks.result),
          ),
        )
        .returning();
      if (!row) {
        throw new AppError("conflict", "This follow-up has already been recorded.", [
          { path: "checkId", message: "already recorded" },
        ]);
      }
      await recordAudit(tx, c, {
        event: "follow_up.record",
        familyId,
        resourceType: "follow_up",
        resourceId: checkId,
        details: { result, monthsAfter: Number(row.monthsAfter) },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "follow_up", checkId, "updated");
    return c.json(withAbilities(presentFollowUp(updated), access), 200);
  });
}
