import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { hashPassword, sessionCookieName } from "@teamaround/auth";
import type { users } from "@teamaround/db";
import { buildAgency, buildAuthority, buildUser } from "@teamaround/db/testing";
import { call, type TestApi, testOrigin } from "../testing/test-api";

export const goodPassword = "correct horse battery staple";
let hashed: Promise<string> | undefined;

/** An active practitioner with a password, in an authority of its own. */
export async function buildAccount(
  api: TestApi,
  overrides: Partial<typeof users.$inferInsert> & { requireStaffTotp?: boolean } = {},
) {
  const { requireStaffTotp, ...userOverrides } = overrides;
  const db = api.deps.db;
  const authority = await buildAuthority(db, { requireStaffTotp: requireStaffTotp ?? false });
  const agency = await buildAgency(db, { authorityId: authority.id });
  hashed ??= hashPassword(goodPassword);
  const user = await buildUser(db, {
    authorityId: authority.id,
    agencyId: agency.id,
    role: "practitioner",
    passwordHash: await hashed,
    ...userOverrides,
  });
  return { authority, agency, user };
}

/** The request exactly as a browser on our origin sends it, with the raw response. */
export function rawRequest(
  api: TestApi,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    origin: testOrigin,
    "content-type": "application/json",
    ...options.headers,
  };
  if (options.cookie) headers.cookie = options.cookie;
  const body = method === "GET" ? undefined : JSON.stringify(options.body ?? {});
  return api.app.request(path, { method, headers, body });
}

/** The session cookie a response set, as a Cookie header value ("" when none). */
export function sessionCookieFrom(response: { headers: Headers }): string {
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`));
  return set?.split(";")[0] ?? "";
}

export async function signIn(api: TestApi, email: string, password = goodPassword) {
  const response = await call(api, "POST", "/api/auth/sign-in", { body: { email, password } });
  return { ...response, cookie: sessionCookieFrom(response) };
}

/** The code an authenticator app shows now (TOTP, 30 s, 6 digits). */
export function currentCode(key: Uint8Array): string {
  return generateTOTP(key, 30, 6);
}

/** The code for the 30-second step that contains `at`, for tests that move the clock. */
export function codeAt(key: Uint8Array, at: Date): string {
  return generateHOTP(key, BigInt(Math.floor(at.getTime() / 30_000)), 6);
}
