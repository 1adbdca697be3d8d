import { createRoute, z } from "@hono/zod-openapi";
import { authorizeGlobal } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit, recordAuditEach } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { listFamilyMemberActions } from "./commands/list-my-actions";
import { listMyActionsAudited } from "./commands/my-actions-audited";
import { MyActionSchema, MyActionsQuery } from "./plan.schema";

const myActionsRoute = createRoute({
  method: "get",
  path: "/api/my/actions",
  tags: ["Plan"],
  summary: "The actions I own across my families, overdue first",
  request: { query: MyActionsQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(MyActionSchema) }), "My actions"),
    ...errorResponses(403),
  },
});

export function registerMyActionsRoutes(app: ApiApp): void {
  app.openapi(myActionsRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_actions", "list");
    const { status } = c.req.valid("query");
    const { db, now } = c.var.deps;
    const today = isoDay(now());
    if (actor.role !== "family_member") {
      const data = await listMyActionsAudited(db, actor, status, today, c.var.meta);
      return c.json({ data }, 200);
    }
    const data = await listFamilyMemberActions(db, actor, status, today);
    // One event per family whose actions were shown, so each family's log has it.
    const familyIds = [...new Set(data.map((a) => a.familyId))];
    if (familyIds.length === 0) {
      await recordAudit(db, c, { event: "my_actions.list", details: { status, count: 0 } });
    } else {
      await recordAuditEach(
        db,
        c,
        familyIds.map((familyId) => ({
          event: "my_actions.list",
          familyId,
          resourceType: "action",
          details: {
            status,
            actionIds: data.filter((a) => a.familyId === familyId).map((a) => a.id),
          },
        })),
      );
    }
    return c.json({ data }, 200);
  });
}
