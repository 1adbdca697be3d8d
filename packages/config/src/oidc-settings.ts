/**
 * Client secrets for staff single sign-on (OpenID Connect). The issuer, the
 * client id and the button's words are an authority's settings, changed by
 * its administrator; the secret is configuration only, so no API answer and
 * no database dump holds it. `OIDC_CLIENT_SECRET` serves every authority;
 * `OIDC_CLIENT_SECRET_<CLIENT ID>` (the client id upper-cased, every other
 * character than A–Z and 0–9 as `_`) serves the authority whose client id it
 * names, for installations hosting several councils.
 */
export interface OidcSettings {
  defaultClientSecret: string | null;
  /** By the client id's variable suffix (see `oidcSecretSuffix`). */
  clientSecrets: Record<string, string>;
}

const prefix = "OIDC_CLIENT_SECRET";

export function oidcSecretSuffix(clientId: string): string {
  return clientId.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/** The environment variable that holds one client id's own secret. */
export const oidcSecretVariable = (clientId: string) => `${prefix}_${oidcSecretSuffix(clientId)}`;

export function resolveOidcSettings(
  source: Record<string, string | undefined>,
): { ok: true; settings: OidcSettings } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const clientSecrets: Record<string, string> = {};
  let defaultClientSecret: string | null = null;
  for (const [name, value] of Object.entries(source)) {
    if (name !== prefix && !name.startsWith(`${prefix}_`)) continue;
    if (value === undefined || value === "") continue;
    if (value.trim() !== value || value.length > 1000) {
      problems.push(`  ${name}: must be the client secret without spaces around it`);
      continue;
    }
    if (name === prefix) defaultClientSecret = value;
    else clientSecrets[name.slice(prefix.length + 1)] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { defaultClientSecret, clientSecrets } };
}

/** The secret for a client id: its own variable, else the shared one, else none. */
export function oidcClientSecretFor(settings: OidcSettings, clientId: string): string | null {
  return settings.clientSecrets[oidcSecretSuffix(clientId)] ?? settings.defaultClientSecret;
}
