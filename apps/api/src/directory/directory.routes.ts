import { createRoute } from "@hono/zod-openapi";
import { AppError, authorizeGlobal } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { DirectoryList, DirectoryQuery } from "./directory.schema";
import { directoryLimit, searchPractitioners } from "./search-practitioners";

const searchRoute = createRoute({
  method: "get",
  path: "/api/directory/practitioners",
  tags: ["Directory"],
  summary: "Find practitioners and managers of your authority by name or email",
  description: `At most ${directoryLimit} people, with their job title and agency. No case data.`,
  request: { query: DirectoryQuery },
  responses: { 200: jsonResponse(DirectoryList, "Matching staff"), ...errorResponses(403) },
});

export function registerDirectoryRoutes(app: ApiApp): void {
  app.openapi(searchRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "user", "list_directory");
    const filter = c.req.valid("query");
    const user = c.var.user;
    if (!user) throw new AppError("unauthenticated", "Please sign in.");
    const { db } = c.var.deps;
    const data = await searchPractitioners(db, user.authorityId, filter);
    await recordAudit(db, c, {
      event: "directory.search",
      resourceType: "user",
      details: { q: filter.q ?? null, agencyId: filter.agencyId ?? null, count: data.length },
    });
    return c.json({ data }, 200);
  });
}
