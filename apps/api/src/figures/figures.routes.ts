import { createRoute, z } from "@hono/zod-openapi";
import { localAuthorities, users } from "@teamaround/db";
import { authorizeGlobal } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { FiguresQuery, FiguresReport } from "./figures.schema";
import { figuresCsv } from "./figures-csv";
import { figuresPdf } from "./figures-pdf";
import { buildFiguresReport } from "./figures-report";

const tags = ["Partnership figures"];
const request = { query: FiguresQuery };

const jsonRoute = createRoute({
  method: "get",
  path: "/api/figures",
  tags,
  summary:
    "The period's figures, small numbers hidden (partnership analysts; managers: their service)",
  request,
  responses: { 200: jsonResponse(FiguresReport, "The figures"), ...errorResponses(403) },
});

const csvRoute = createRoute({
  method: "get",
  path: "/api/figures.csv",
  tags,
  summary: "The same figures as CSV",
  request,
  responses: {
    200: { description: "The figures as CSV", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(403),
  },
});

const pdfRoute = createRoute({
  method: "get",
  path: "/api/figures/board-report.pdf",
  tags,
  summary: "A printable board report of the same figures, with charts",
  request,
  responses: {
    200: {
      description: "The board report (PDF)",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(403, 429),
  },
});

/** Authorise, build the report, and write the one audit event of the request. */
async function figuresFor(c: Context<ApiEnv>, query: FiguresQuery, format: string) {
  const actor = requireActor(c);
  authorizeGlobal(actor, "figures", "read");
  const { db, now } = c.var.deps;
  const report = await buildFiguresReport(db, actor, query, now());
  await recordAudit(db, c, {
    event: "figures.read",
    resourceType: "figures",
    details: { format, period: report.period, split: report.split, scope: report.scope },
  });
  return report;
}

function fileName(report: FiguresReport, extension: string) {
  return `early-help-figures-${report.period.from}-to-${report.period.to}.${extension}`;
}

export function registerFiguresRoutes(app: ApiApp): void {
  app.openapi(jsonRoute, async (c) => {
    const report = await figuresFor(c, c.req.valid("query"), "json");
    return c.json(report, 200);
  });

  app.openapi(csvRoute, async (c) => {
    const report = await figuresFor(c, c.req.valid("query"), "csv");
    return c.body(figuresCsv(report), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName(report, "csv")}"`,
    });
  });

  app.openapi(pdfRoute, async (c) => {
    const report = await figuresFor(c, c.req.valid("query"), "pdf");
    const actor = requireActor(c);
    const { db } = c.var.deps;
    const [authority] = await db
      .select({ name: localAuthorities.name })
      .from(users)
      .innerJoin(localAuthorities, eq(localAuthorities.id, users.authorityId))
      .where(eq(users.id, actor.userId));
    const pdf = await figuresPdf(report, authority?.name ?? "Early Help");
    return c.body(new Uint8Array(pdf), 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${fileName(report, "pdf")}"`,
    });
  });
}
