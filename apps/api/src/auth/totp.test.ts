import { createTotpKey, encodeTotpKey } from "@teamaround/auth";
import { auditEvents } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAccount, currentCode, signIn } from "./auth-test-support";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());
// Authenticator codes follow the real clock; keep the API's clock with it.
beforeEach(() => {
  api.clock.now = new Date();
});

async function accountWithTotp() {
  const key = createTotpKey();
  const account = await buildAccount(api, { totpKey: encodeTotpKey(key) });
  return { ...account, key };
}

/** A code that is certainly not the current one (nor a neighbour's). */
function wrongCodeFor(key: Uint8Array): string {
  const right = currentCode(key);
  return right === "000000" ? "111111" : "000000";
}

const sendCode = (cookie: string, code: string) =>
  call(api, "POST", "/api/auth/totp", { cookie, body: { code } });

describe("POST /api/auth/totp", () => {
  it("keeps the session out of everything until a valid code is sent", async () => {
    const { user, key } = await accountWithTotp();
    const signedIn = await signIn(api, user.email);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.data.secondFactorRequired).toBe(true);
    expect((await call(api, "GET", "/api/me", { cookie: signedIn.cookie })).status).toBe(401);
    expect((await call(api, "GET", "/api/families", { cookie: signedIn.cookie })).status).toBe(401);

    const verified = await sendCode(signedIn.cookie, currentCode(key));
    expect(verified.status).toBe(200);
    expect((await call(api, "GET", "/api/me", { cookie: signedIn.cookie })).status).toBe(200);
    const events = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "session.totp_verified"), eq(auditEvents.actorId, user.id)));
    expect(events).toHaveLength(1);
  });

  it("refuses a wrong code with 401 and a clear message", async () => {
    const { user, key } = await accountWithTotp();
    const { cookie } = await signIn(api, user.email);
    const response = await sendCode(cookie, wrongCodeFor(key));
    expect(response.status).toBe(401);
    expect(response.json.error.message).toMatch(/code is not right/);
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("refuses a replayed code, even in a new sign-in", async () => {
    const { user, key } = await accountWithTotp();
    const code = currentCode(key);
    const first = await signIn(api, user.email);
    expect((await sendCode(first.cookie, code)).status).toBe(200);
    const second = await signIn(api, user.email);
    expect((await sendCode(second.cookie, code)).status).toBe(401);
    expect((await call(api, "GET", "/api/me", { cookie: second.cookie })).status).toBe(401);
  });

  it("throttles wrong codes per account; a correct password does not reset the count", async () => {
    const { user, key } = await accountWithTotp();
    let { cookie } = await signIn(api, user.email);
    for (let i = 0; i < 5; i++) {
      if (i === 3) ({ cookie } = await signIn(api, user.email));
      expect((await sendCode(cookie, wrongCodeFor(key))).status).toBe(401);
    }
    ({ cookie } = await signIn(api, user.email));
    const throttled = await sendCode(cookie, currentCode(key));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("answers 401 without a session and 409 for a session not waiting for a code", async () => {
    expect((await call(api, "POST", "/api/auth/totp", { body: { code: "123456" } })).status).toBe(
      401,
    );
    const { user } = await buildAccount(api);
    const cookie = await sessionCookieFor(api, user.id);
    expect((await sendCode(cookie, "123456")).status).toBe(409);
  });

  it("refuses a malformed code as invalid input", async () => {
    const { user } = await accountWithTotp();
    const { cookie } = await signIn(api, user.email);
    expect((await sendCode(cookie, "12ab56")).status).toBe(400);
  });
});
