import type { users } from "@teamaround/db";
import type { Context } from "hono";
import * as client from "openid-client";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import type { SingleSignOnError } from "../oidc.schema";
import type { OidcFlow } from "./flow-cookie";
import { type IdentityRefusal, matchIdentity, type ProviderIdentity } from "./match-identity";
import { providerConfiguration, type SingleSignOnAuthority } from "./provider-config";

export type SignOnOutcome =
  | { ok: true; user: typeof users.$inferSelect; linkedBy: "subject" | "email" }
  | { ok: false; error: SingleSignOnError };

const refusalErrors: Record<IdentityRefusal, SingleSignOnError> = {
  email_unverified: "sso_email_unverified",
  no_account: "sso_no_account",
  linked_to_another: "sso_linked_to_another",
};

/**
 * Exchanges the code (with the PKCE verifier) and checks the id token —
 * issuer, audience, signature, expiry, nonce — and the state, all by
 * openid-client; then finds the staff account and records what happened.
 */
export async function completeSingleSignOn(
  c: Context<ApiEnv>,
  sso: SingleSignOnAuthority,
  flow: OidcFlow,
): Promise<SignOnOutcome> {
  const { db, config, logger, now } = c.var.deps;
  const search = new URL(c.req.url).search;
  const currentUrl = new URL(`/api/auth/oidc/callback${search}`, config.publicOrigin);
  let identity: ProviderIdentity;
  try {
    const configuration = await providerConfiguration(sso, config.nodeEnv);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("no id token");
    identity = {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims.email === "string" ? claims.email : null,
      emailVerified: claims.email_verified === true,
    };
  } catch (error) {
    logger.warn({ err: error, issuer: sso.issuer }, "single sign-on response refused");
    await recordAudit(db, c, {
      event: "session.sign_in_failed",
      resourceType: "authority",
      resourceId: sso.authorityId,
      details: { method: "oidc", issuer: sso.issuer, reason: "provider_response_refused" },
    });
    return { ok: false, error: "sso_failed" };
  }
  return db.transaction(async (tx) => {
    const match = await matchIdentity(tx, sso.authorityId, identity, now());
    if (!match.ok) {
      await recordAudit(tx, c, {
        event: "session.sign_in_failed",
        resourceType: match.userId ? "user" : "authority",
        resourceId: match.userId ?? sso.authorityId,
        details: { method: "oidc", issuer: identity.issuer, reason: match.reason },
      });
      return { ok: false, error: refusalErrors[match.reason] };
    }
    if (match.linkedBy === "email") {
      // The person signing in made the link: the event is theirs, as the session's will be.
      c.set("user", match.user);
      await recordAudit(tx, c, {
        event: "user.sso_linked",
        resourceType: "user",
        resourceId: match.user.id,
        details: { issuer: identity.issuer, subject: identity.subject },
      });
    }
    return { ok: true, user: match.user, linkedBy: match.linkedBy };
  });
}
