import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { ApiEnv } from "../../app-env";

/**
 * What the callback needs to check the provider's answer: the authority, the
 * state, the nonce and the PKCE verifier. Kept for ten minutes in the browser
 * that started the sign-in, in a host-only, HttpOnly cookie signed with the
 * authority's client secret (HMAC-SHA-256), so nothing is stored on the server
 * and a cookie planted or changed by anyone without the secret is refused.
 * SameSite=Lax: the provider's redirect back is a top-level navigation.
 */
export const flowCookieName = "__Host-teamaround_oidc";
const maxAgeSeconds = 10 * 60;

const FlowSchema = z.object({
  authorityId: z.uuid(),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(1).max(200),
  expiresAt: z.number().int(),
});
export type OidcFlow = z.infer<typeof FlowSchema>;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function setFlowCookie(
  c: Context<ApiEnv>,
  flow: Omit<OidcFlow, "expiresAt">,
  secret: string,
  now: Date,
): void {
  const payload = Buffer.from(
    JSON.stringify({ ...flow, expiresAt: now.getTime() + maxAgeSeconds * 1000 }),
  ).toString("base64url");
  setCookie(c, flowCookieName, `${payload}.${sign(payload, secret)}`, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export function clearFlowCookie(c: Context<ApiEnv>): void {
  deleteCookie(c, flowCookieName, { httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}

/** The flow the cookie names, unverified: only its authority may be trusted to find the secret. */
export function readFlowCookie(c: Context<ApiEnv>): { flow: OidcFlow; signed: string } | null {
  const value = getCookie(c, flowCookieName);
  const [payload, signature, extra] = value?.split(".") ?? [];
  if (!payload || !signature || extra !== undefined) return null;
  try {
    const parsed = FlowSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString()));
    return parsed.success ? { flow: parsed.data, signed: `${payload}.${signature}` } : null;
  } catch {
    return null;
  }
}

/** The signature is right for this secret and the flow has not run out. */
export function flowIsGenuine(
  read: { flow: OidcFlow; signed: string },
  secret: string,
  now: Date,
): boolean {
  const [payload = "", signature = ""] = read.signed.split(".");
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  return (
    expected.length === given.length &&
    timingSafeEqual(expected, given) &&
    now.getTime() < read.flow.expiresAt
  );
}
