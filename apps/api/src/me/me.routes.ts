import { createRoute } from "@hono/zod-openapi";
import { agencies, localAuthorities } from "@teamaround/db";
import { AppError, globalAbilities, totpEnrolmentRequired } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { presentAuthority } from "../admin/authority.schema";
import type { ApiApp } from "../app-env";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { MeSchema } from "./me.schema";

const meRoute = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["Me"],
  summary: "Who I am, what I may do, and my authority's settings",
  responses: { 200: jsonResponse(MeSchema, "The signed-in user"), ...errorResponses() },
});

export function registerMeRoutes(app: ApiApp): void {
  app.openapi(meRoute, async (c) => {
    const actor = requireActor(c);
    const user = c.var.user;
    if (!user) throw new AppError("unauthenticated", "Please sign in.");
    const { db } = c.var.deps;
    const [authority] = await db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, user.authorityId));
    if (!authority) throw new AppError("internal", "The account has no local authority.");
    const [agency] = user.agencyId
      ? await db
          .select({ id: agencies.id, name: agencies.name, type: agencies.type })
          .from(agencies)
          .where(eq(agencies.id, user.agencyId))
      : [];
    const totpEnabled = user.totpKey !== null;
    const data = {
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      jobTitle: user.jobTitle,
      agency: agency ?? null,
      totpEnabled,
      totpEnrolmentRequired: totpEnrolmentRequired({ role: user.role, totpEnabled }, authority),
      authority: presentAuthority(authority),
    };
    return c.json({ data, abilities: globalAbilities(actor) }, 200);
  });
}
