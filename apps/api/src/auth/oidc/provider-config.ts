import { type OidcSettings, oidcClientSecretFor } from "@teamaround/config";
import { type Executor, localAuthorities } from "@teamaround/db";
import { eq } from "drizzle-orm";
import * as client from "openid-client";
import type { ApiConfig } from "../../app-env";

/** An authority whose single sign-on is set up: issuer, client id and a secret in the environment. */
export interface SingleSignOnAuthority {
  authorityId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  requireStaffSso: boolean;
}

type AuthorityRow = Pick<
  typeof localAuthorities.$inferSelect,
  "id" | "name" | "oidcIssuer" | "oidcClientId" | "oidcDisplayName" | "requireStaffSso"
>;

/** The authority's single sign-on, or null when any part of it is missing. */
export function singleSignOnOf(
  row: AuthorityRow,
  secrets: OidcSettings | undefined,
): SingleSignOnAuthority | null {
  if (!row.oidcIssuer || !row.oidcClientId || !secrets) return null;
  const clientSecret = oidcClientSecretFor(secrets, row.oidcClientId);
  if (!clientSecret) return null;
  return {
    authorityId: row.id,
    issuer: row.oidcIssuer,
    clientId: row.oidcClientId,
    clientSecret,
    displayName: row.oidcDisplayName ?? `Sign in with ${row.name}`,
    requireStaffSso: row.requireStaffSso,
  };
}

const authorityColumns = {
  id: localAuthorities.id,
  name: localAuthorities.name,
  oidcIssuer: localAuthorities.oidcIssuer,
  oidcClientId: localAuthorities.oidcClientId,
  oidcDisplayName: localAuthorities.oidcDisplayName,
  requireStaffSso: localAuthorities.requireStaffSso,
};

export async function loadSingleSignOn(
  db: Executor,
  config: ApiConfig,
  authorityId: string,
): Promise<SingleSignOnAuthority | null> {
  const [row] = await db
    .select(authorityColumns)
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  return row ? singleSignOnOf(row, config.oidc) : null;
}

/** Every authority offering single sign-on, for the sign-in page's buttons. */
export async function listSingleSignOns(
  db: Executor,
  config: ApiConfig,
): Promise<SingleSignOnAuthority[]> {
  const rows = await db.select(authorityColumns).from(localAuthorities);
  return rows
    .map((row) => singleSignOnOf(row, config.oidc))
    .filter((sso): sso is SingleSignOnAuthority => sso !== null)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Discovery documents are fetched once an hour per issuer and client, not on every sign-in. */
const discoveryTtlMs = 60 * 60 * 1000;
const discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

/**
 * The provider's configuration from its discovery document. Plain http is
 * allowed only outside production and only for a provider on this machine
 * (a development or test provider).
 */
export function providerConfiguration(
  sso: SingleSignOnAuthority,
  nodeEnv: ApiConfig["nodeEnv"],
): Promise<client.Configuration> {
  const key = JSON.stringify([sso.issuer, sso.clientId, sso.clientSecret]);
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < discoveryTtlMs) return cached.configuration;
  const issuer = new URL(sso.issuer);
  const insecure = nodeEnv !== "production" && issuer.protocol === "http:" && isLoopback(issuer);
  const configuration = client.discovery(
    issuer,
    sso.clientId,
    undefined,
    client.ClientSecretBasic(sso.clientSecret),
    { timeout: 10, execute: insecure ? [client.allowInsecureRequests] : [] },
  );
  // A failed discovery is not kept: the next sign-in tries again.
  configuration.catch(() => discovered.delete(key));
  discovered.set(key, { at: Date.now(), configuration });
  return configuration;
}

function isLoopback(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}
