import { createRoute } from "@hono/zod-openapi";
import { listLocalOutboxMessages, listMyOutboxMessages } from "@teamaround/db";
import { AppError, authorizeGlobal } from "@teamaround/domain";
import { requireAuthorityActor } from "../admin/admin-context";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isDemoOutbox } from "./demo-outbox";
import { AdminOutboxPage, OutboxPage, OutboxQuery } from "./outbox.schema";

const pageSize = 50;

const adminOutboxRoute = createRoute({
  method: "get",
  path: "/api/admin/outbox",
  tags: ["Administration"],
  summary: "The local outbox: messages kept instead of sent, newest first (administrators)",
  description:
    "Only the local outbox transport (the embedded default) keeps messages; with SMTP or GOV.UK Notify the list is empty. Each read is audited.",
  request: { query: OutboxQuery },
  responses: {
    200: jsonResponse(AdminOutboxPage, "One page of the local outbox"),
    ...errorResponses(403),
  },
});

const myOutboxRoute = createRoute({
  method: "get",
  path: "/api/me/outbox",
  tags: ["Me"],
  summary: "Demo mode: what would have been sent to me, newest first",
  description:
    "Answers 404 unless the service keeps notices in its local outbox outside production.",
  request: { query: OutboxQuery },
  responses: {
    200: jsonResponse(OutboxPage.openapi("MyOutboxPage"), "One page of my messages"),
    ...errorResponses(404),
  },
});

type Row = Awaited<ReturnType<typeof listLocalOutboxMessages>>[number];

function presentPage(rows: Row[]) {
  const data = rows.map((row) => ({
    noticeId: row.noticeId,
    kind: row.kind,
    to: row.toAddress,
    from: row.fromAddress,
    messageId: row.messageId,
    subject: row.subject,
    body: row.body,
    storedAt: row.storedAt.toISOString(),
  }));
  const last = rows.at(-1);
  return {
    data,
    nextBefore: rows.length === pageSize && last ? last.storedAt.toISOString() : null,
  };
}

export function registerOutboxRoutes(app: ApiApp): void {
  app.openapi(adminOutboxRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "notice_outbox", "read");
    const { before } = c.req.valid("query");
    const { db, config } = c.var.deps;
    const rows = await listLocalOutboxMessages(db, authorityId, {
      limit: pageSize,
      ...(before ? { before: new Date(before) } : {}),
    });
    // The messages hold set-password links: who read them is on the record.
    await recordAudit(db, c, {
      event: "notice_outbox.read",
      resourceType: "local_authority",
      resourceId: authorityId,
      details: { noticeIds: rows.map((row) => row.noticeId) },
    });
    return c.json({ transport: config.noticeTransport ?? "local", ...presentPage(rows) }, 200);
  });

  app.openapi(myOutboxRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "my_outbox", "read");
    if (!isDemoOutbox(c.var.deps.config)) {
      throw new AppError("not_found", "Messages are sent by email here; there is no demo outbox.");
    }
    const { before } = c.req.valid("query");
    const rows = await listMyOutboxMessages(c.var.deps.db, actor.userId, {
      limit: pageSize,
      ...(before ? { before: new Date(before) } : {}),
    });
    return c.json(presentPage(rows), 200);
  });
}
