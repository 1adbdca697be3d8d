import { createRoute, z } from "@hono/zod-openapi";
import { oidcClientSecretFor, oidcSecretVariable } from "@teamaround/config";
import { localAuthorities } from "@teamaround/db";
import { authorizeGlobal, notFound } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp, ApiConfig } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { callbackPath } from "../auth/oidc.routes";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireAuthorityActor } from "./admin-context";
import { updateSingleSignOn } from "./commands/update-single-sign-on";
import { SingleSignOnSettingsSchema, UpdateSingleSignOnBody } from "./single-sign-on.schema";

const tags = ["Administration"];
const OneSettings = z.object({ data: SingleSignOnSettingsSchema });
const path = "/api/authority/single-sign-on";

const readRoute = createRoute({
  method: "get",
  path,
  tags,
  summary: "My authority's staff single sign-on settings (administrators); never the secret",
  responses: { 200: jsonResponse(OneSettings, "The settings"), ...errorResponses(403) },
});

const updateRoute = createRoute({
  method: "patch",
  path,
  tags,
  summary: "Change the issuer, client id, button words or the require-SSO switch (administrators)",
  description:
    "The client secret is configuration (OIDC_CLIENT_SECRET or OIDC_CLIENT_SECRET_<CLIENT ID>), " +
    "never sent here. Requiring single sign-on needs the issuer, the client id, the secret in " +
    "the environment and TOTP on the administrator's own account (422 otherwise).",
  request: { body: jsonBody(UpdateSingleSignOnBody) },
  responses: { 200: jsonResponse(OneSettings, "The settings"), ...errorResponses(403, 409, 422) },
});

function present(row: typeof localAuthorities.$inferSelect, config: ApiConfig) {
  const clientId = row.oidcClientId;
  return {
    issuer: row.oidcIssuer,
    clientId,
    displayName: row.oidcDisplayName,
    requireStaffSso: row.requireStaffSso,
    clientSecretVariable: clientId ? oidcSecretVariable(clientId) : null,
    clientSecretConfigured:
      clientId !== null && !!config.oidc && oidcClientSecretFor(config.oidc, clientId) !== null,
    callbackUrl: `${config.publicOrigin}${callbackPath}`,
    version: row.version,
  };
}

export function registerSingleSignOnSettingsRoutes(app: ApiApp): void {
  app.openapi(readRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "authority", "manage");
    const { db, config } = c.var.deps;
    const [row] = await db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, authorityId));
    if (!row) throw notFound("That local authority");
    return c.json({ data: present(row, config) }, 200);
  });

  app.openapi(updateRoute, async (c) => {
    const { actor, authorityId } = requireAuthorityActor(c);
    authorizeGlobal(actor, "authority", "manage");
    const { version, ...changes } = c.req.valid("json");
    const { db, config } = c.var.deps;
    const updated = await db.transaction(async (tx) => {
      const row = await updateSingleSignOn(tx, {
        authorityId,
        version,
        changes,
        actorTotpEnabled: c.var.user?.totpKey != null,
        config,
      });
      await recordAudit(tx, c, {
        event: "authority.update",
        resourceType: "authority",
        resourceId: authorityId,
        details: { singleSignOn: changes },
      });
      return row;
    });
    return c.json({ data: present(updated, config) }, 200);
  });
}
