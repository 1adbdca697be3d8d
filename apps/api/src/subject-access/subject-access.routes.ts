import { createRoute, z } from "@hono/zod-openapi";
import { type Executor, families, familyMembers, inRepeatableRead } from "@teamaround/db";
import { authorizeGlobal, notFound } from "@teamaround/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { requireAuthorityActor } from "../admin/admin-context";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { printoutHeader } from "../printouts/printout-header";
import { collectSubjectAccess } from "./collect-subject-access";
import {
  FindFamilyQuery,
  SubjectAccessArchive,
  SubjectAccessFamily,
  SubjectAccessParams,
} from "./subject-access.schema";
import { subjectAccessPdf } from "./subject-access-pdf";

const tags = ["Administration"];
const base = "/api/admin/subject-access/families";

const findRoute = createRoute({
  method: "get",
  path: base,
  tags,
  summary:
    "Find a family of the authority by its reference, with its members, for a subject access request",
  request: { query: FindFamilyQuery },
  responses: {
    200: jsonResponse(z.object({ data: SubjectAccessFamily }), "The family and its members"),
    ...errorResponses(403, 404),
  },
});

const jsonRoute = createRoute({
  method: "get",
  path: `${base}/{familyId}/members/{memberId}/export.json`,
  tags,
  summary:
    "Everything held about one family member (subject access), as JSON: third parties' details marked for redaction review",
  request: { params: SubjectAccessParams },
  responses: {
    200: jsonResponse(SubjectAccessArchive, "The archive (an attachment)"),
    ...errorResponses(403, 404),
  },
});

const pdfRoute = createRoute({
  method: "get",
  path: `${base}/{familyId}/members/{memberId}/export.pdf`,
  tags,
  summary: "Everything held about one family member (subject access), as a readable PDF",
  request: { params: SubjectAccessParams },
  responses: {
    200: {
      description: "The PDF (A4, tagged), third parties' details marked",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(403, 404),
  },
});

/** The family, when it is the authority's and the member is in it; otherwise not found. */
async function familyOfMember(
  db: Executor,
  authorityId: string,
  familyId: string,
  memberId: string,
) {
  const [row] = await db
    .select({ family: families })
    .from(families)
    .innerJoin(familyMembers, eq(familyMembers.familyId, families.id))
    .where(
      and(
        eq(families.id, familyId),
        eq(families.authorityId, authorityId),
        eq(familyMembers.id, memberId),
      ),
    );
  if (!row) throw notFound("That family member");
  return row.family;
}

/** Checks, collects and audits one export; the audit names ids only, never the person. */
async function exportFor(c: Context<ApiEnv>, format: "json" | "pdf") {
  const { actor, authorityId } = requireAuthorityActor(c);
  authorizeGlobal(actor, "subject_access", "export");
  const { familyId, memberId } = c.req.param() as { familyId: string; memberId: string };
  const { db, now } = c.var.deps;
  const family = await familyOfMember(db, authorityId, familyId, memberId);
  const data = await inRepeatableRead(db, (tx) =>
    collectSubjectAccess(tx, { familyId, memberId, madeBy: actor.userId, now: now() }),
  );
  await recordAudit(db, c, {
    event: "subject_access.export",
    familyId,
    resourceType: "family_member",
    resourceId: memberId,
    details: { format },
  });
  const reference = family.reference.replace(/[^A-Za-z0-9-]/g, "-");
  const fileName = `subject-access-${reference}-${memberId.slice(0, 8)}-${now().toISOString().slice(0, 10)}.${format}`;
  return { family, data, fileName };
}

export function registerSubjectAccessRoutes(app: ApiApp): void {
  app.openapi(findRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "subject_access", "export");
    const { reference } = c.req.valid("query");
    const { db } = c.var.deps;
    const [family] = await db
      .select()
      .from(families)
      .where(and(eq(families.authorityId, authorityId), eq(families.reference, reference)));
    if (!family) throw notFound("A family with that reference");
    const members = await db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.familyId, family.id))
      .orderBy(asc(familyMembers.createdAt), asc(familyMembers.id));
    await recordAudit(db, c, {
      event: "subject_access.find",
      familyId: family.id,
      resourceType: "family",
      resourceId: family.id,
    });
    const data = {
      familyId: family.id,
      reference: family.reference,
      displayName: family.displayName,
      members: members.map((m) => ({
        memberId: m.id,
        name: `${m.givenName} ${m.familyName}`,
        kind: m.kind,
        relationship: m.relationship,
      })),
    };
    return c.json({ data }, 200);
  });

  app.openapi(jsonRoute, async (c) => {
    const { data, fileName } = await exportFor(c, "json");
    c.header("content-disposition", `attachment; filename="${fileName}"`);
    c.header("cache-control", "no-store");
    return c.json(data, 200);
  });

  app.openapi(pdfRoute, async (c) => {
    const { family, data, fileName } = await exportFor(c, "pdf");
    const { db, now } = c.var.deps;
    const header = await printoutHeader(db, family, "Subject access: everything held", now());
    const pdf = await subjectAccessPdf(header, data);
    return c.body(new Uint8Array(pdf), 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    });
  });
}
