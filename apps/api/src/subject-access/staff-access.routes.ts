import { createRoute, z } from "@hono/zod-openapi";
import { inRepeatableRead, localAuthorities, users } from "@teamaround/db";
import { authorizeGlobal, notFound, noticeDay } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { requireAuthorityActor } from "../admin/admin-context";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { collectStaffAccess } from "./collect-staff-access";
import { staffAccessPdf } from "./staff-access-pdf";
import { StaffAccessArchive, StaffAccessParams } from "./subject-access.schema";

const tags = ["Administration"];
const base = "/api/admin/subject-access/users/{userId}";

const jsonRoute = createRoute({
  method: "get",
  path: `${base}/export.json`,
  tags,
  summary:
    "Everything held about one member of staff (subject access), as JSON: account, sessions and devices, sign-ins, records they wrote, audit events they caused, notices",
  request: { params: StaffAccessParams },
  responses: {
    200: jsonResponse(StaffAccessArchive, "The archive (an attachment)"),
    ...errorResponses(403, 404),
  },
});

const pdfRoute = createRoute({
  method: "get",
  path: `${base}/export.pdf`,
  tags,
  summary: "Everything held about one member of staff (subject access), as a readable PDF",
  request: { params: StaffAccessParams },
  responses: {
    200: {
      description: "The PDF (A4, tagged)",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(403, 404),
  },
});

/** Checks (the authority's own account, else 404), collects and audits one export by ids only. */
async function exportFor(c: Context<ApiEnv>, format: "json" | "pdf") {
  const { actor, authorityId } = requireAuthorityActor(c);
  authorizeGlobal(actor, "subject_access", "export");
  const { userId } = c.req.param() as { userId: string };
  const { db, now } = c.var.deps;
  const [user] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.authorityId, authorityId)));
  if (!user || user.role === "family_member" || user.role === "guest") {
    throw notFound("That member of staff");
  }
  const data = await inRepeatableRead(db, (tx) =>
    collectStaffAccess(tx, { userId, madeBy: actor.userId, now: now() }),
  );
  await recordAudit(db, c, {
    event: "subject_access.export_staff",
    resourceType: "user",
    resourceId: userId,
    details: { format },
  });
  const fileName = `subject-access-staff-${userId.slice(0, 8)}-${now().toISOString().slice(0, 10)}.${format}`;
  return { data, fileName, authorityId };
}

export function registerStaffAccessRoutes(app: ApiApp): void {
  app.openapi(jsonRoute, async (c) => {
    const { data, fileName } = await exportFor(c, "json");
    c.header("content-disposition", `attachment; filename="${fileName}"`);
    c.header("cache-control", "no-store");
    return c.json(data, 200);
  });

  app.openapi(pdfRoute, async (c) => {
    const { data, fileName, authorityId } = await exportFor(c, "pdf");
    const { db, now } = c.var.deps;
    const [authority] = await db
      .select({ name: localAuthorities.name })
      .from(localAuthorities)
      .where(eq(localAuthorities.id, authorityId));
    const pdf = await staffAccessPdf(
      {
        title: "Subject access: everything held about a member of staff",
        authorityName: authority?.name ?? "Early Help",
        familyReference: "none (a staff account)",
        madeOn: noticeDay(now().toISOString()),
      },
      data,
    );
    return c.body(new Uint8Array(pdf), 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    });
  });
}
