import type { z } from "@hono/zod-openapi";
import { type OidcSettings, oidcClientSecretFor } from "@teamaround/config";
import { type Executor, localAuthorities } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiConfig } from "../../app-env";
import { updateVersioned } from "../../shared/versioned-update";
import type { UpdateSingleSignOnBody } from "../single-sign-on.schema";

type Changes = Omit<z.infer<typeof UpdateSingleSignOnBody>, "version">;

function refuse(path: string, message: string): AppError {
  return new AppError("unprocessable", message, [{ path, message }]);
}

/** https only, but a provider on this machine may use http outside production (development). */
function assertIssuerAllowed(issuer: string, nodeEnv: ApiConfig["nodeEnv"]) {
  const url = new URL(issuer);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "https:" || (nodeEnv !== "production" && loopback)) return;
  throw refuse("issuer", "The issuer must be an https:// address.");
}

/**
 * Checks the single sign-on settings as they would stand after the change,
 * then saves them at the version read. Requiring single sign-on needs a
 * complete set-up (issuer, client id, a secret in the environment), and an
 * administrator who has set up TOTP, who keeps a way in with password and
 * TOTP should the identity provider fail.
 */
export async function updateSingleSignOn(
  tx: Executor,
  input: {
    authorityId: string;
    version: number;
    changes: Changes;
    actorTotpEnabled: boolean;
    config: Pick<ApiConfig, "nodeEnv"> & { oidc?: OidcSettings };
  },
) {
  const { authorityId, changes, config } = input;
  const [current] = await tx
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  if (!current) throw notFound("That local authority");
  const issuer = changes.issuer === undefined ? current.oidcIssuer : changes.issuer;
  const clientId = changes.clientId === undefined ? current.oidcClientId : changes.clientId;
  const required = changes.requireStaffSso ?? current.requireStaffSso;
  if (changes.issuer) assertIssuerAllowed(changes.issuer, config.nodeEnv);
  if (required) {
    if (!issuer || !clientId) {
      throw refuse("requireStaffSso", "Set the issuer and the client id before requiring it.");
    }
    if (!config.oidc || !oidcClientSecretFor(config.oidc, clientId)) {
      throw refuse(
        "requireStaffSso",
        "The client secret is not in the server's environment yet, so nobody could sign in.",
      );
    }
    if (!input.actorTotpEnabled) {
      throw refuse(
        "requireStaffSso",
        "Set up two-step verification on your own account first: with it you can still sign in with your password if the identity provider fails.",
      );
    }
  }
  return updateVersioned(
    tx,
    localAuthorities,
    { id: authorityId, scope: undefined, expectedVersion: input.version },
    {
      ...(changes.issuer !== undefined && { oidcIssuer: changes.issuer }),
      ...(changes.clientId !== undefined && { oidcClientId: changes.clientId }),
      ...(changes.displayName !== undefined && { oidcDisplayName: changes.displayName }),
      ...(changes.requireStaffSso !== undefined && { requireStaffSso: changes.requireStaffSso }),
    },
  );
}
