import { createRoute } from "@hono/zod-openapi";
import { sessionCookieName } from "@teamaround/auth";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import * as client from "openid-client";
import type { ApiApp, ApiEnv } from "../app-env";
import { errorResponses, jsonResponse } from "../http/openapi";
import { startSession } from "./commands/sign-in";
import { completeSingleSignOn } from "./oidc/complete-sign-on";
import { clearFlowCookie, flowIsGenuine, readFlowCookie, setFlowCookie } from "./oidc/flow-cookie";
import { listSingleSignOns, loadSingleSignOn, providerConfiguration } from "./oidc/provider-config";
import {
  CallbackQuery,
  redirectResponse,
  type SingleSignOnError,
  SingleSignOnOptions,
  StartQuery,
} from "./oidc.schema";
import { clientIp, setSessionCookie } from "./session-cookie";

const tags = ["Sign-in"];
export const callbackPath = "/api/auth/oidc/callback";

const optionsRoute = createRoute({
  method: "get",
  path: "/api/auth/sso-options",
  tags,
  summary: "The single sign-on buttons the sign-in page offers (public)",
  responses: {
    200: jsonResponse(SingleSignOnOptions, "Authorities offering single sign-on"),
    ...errorResponses(),
  },
});

const startRoute = createRoute({
  method: "get",
  path: "/api/auth/oidc/start",
  tags,
  summary: "Start staff single sign-on: redirects to the council's identity provider",
  description:
    "Authorisation code flow with PKCE (S256), state and nonce, kept for ten minutes in a " +
    "signed, HttpOnly cookie. An authority without single sign-on redirects to " +
    "/sign-in?error=sso_unavailable.",
  request: { query: StartQuery },
  responses: { 302: redirectResponse("To the identity provider"), ...errorResponses() },
});

const callbackRoute = createRoute({
  method: "get",
  path: callbackPath,
  tags,
  summary: "The identity provider's answer: signs in the linked staff account",
  description:
    "Checks state, nonce and PKCE, then signs in the account linked to the provider's subject, " +
    "or on a first sign-on the one active member of staff of the authority with the verified " +
    "email (and links it). Never makes an account. Success redirects to /, a refusal to " +
    "/sign-in?error=<reason>.",
  request: { query: CallbackQuery },
  responses: {
    302: redirectResponse("Home, or the sign-in page with the reason"),
    ...errorResponses(),
  },
});

function toSignIn(c: Context<ApiEnv>, error: SingleSignOnError) {
  return c.redirect(`/sign-in?error=${error}`, 302);
}

/** Failures are counted per address only: an authority's sign-on can never be locked for all. */
const throttleKey = (ip: string) => `oidc|${ip}`;

export function registerOidcRoutes(app: ApiApp): void {
  app.openapi(optionsRoute, async (c) => {
    const { db, config } = c.var.deps;
    const options = await listSingleSignOns(db, config);
    return c.json(
      { data: options.map((o) => ({ authorityId: o.authorityId, displayName: o.displayName })) },
      200,
    );
  });

  app.openapi(startRoute, async (c) => {
    const { db, config, logger, now } = c.var.deps;
    const sso = await loadSingleSignOn(db, config, c.req.valid("query").authority);
    if (!sso) return toSignIn(c, "sso_unavailable");
    let configuration: client.Configuration;
    try {
      configuration = await providerConfiguration(sso, config.nodeEnv);
    } catch (error) {
      logger.warn({ err: error, issuer: sso.issuer }, "identity provider discovery failed");
      return toSignIn(c, "sso_unavailable");
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    setFlowCookie(
      c,
      { authorityId: sso.authorityId, state, nonce, codeVerifier },
      sso.clientSecret,
      now(),
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: `${config.publicOrigin}${callbackPath}`,
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return c.redirect(url.href, 302);
  });

  app.openapi(callbackRoute, async (c) => {
    const { db, config, throttle, now } = c.var.deps;
    const ip = clientIp(c);
    const decision = await throttle.check(throttleKey(ip), ip);
    if (!decision.allowed) return toSignIn(c, "too_many_attempts");
    const read = readFlowCookie(c);
    clearFlowCookie(c);
    const sso = read ? await loadSingleSignOn(db, config, read.flow.authorityId) : null;
    if (!read || !sso || !flowIsGenuine(read, sso.clientSecret, now())) {
      return toSignIn(c, "sso_expired");
    }
    if (c.req.valid("query").error) return toSignIn(c, "sso_cancelled");
    const outcome = await completeSingleSignOn(c, sso, read.flow);
    if (!outcome.ok) {
      // Only answers the provider refused are counted: each cost a call to it. A refused
      // identity is the provider's word about a real person, not a guess.
      if (outcome.error === "sso_failed") await throttle.recordFailure(throttleKey(ip), ip);
      return toSignIn(c, outcome.error);
    }
    await throttle.recordSuccess(throttleKey(ip), ip);
    const started = await startSession(c, outcome.user, getCookie(c, sessionCookieName), {
      method: "oidc",
      issuer: sso.issuer,
      linkedBy: outcome.linkedBy,
    });
    setSessionCookie(c, started.token, started.session.expiresAt);
    return c.redirect("/", 302);
  });
}
