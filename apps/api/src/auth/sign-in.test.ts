import { hashToken, listUserSessions, sessionCookieName } from "@teamaround/auth";
import { auditEvents, users } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startTestApi, type TestApi } from "../testing/test-api";
import {
  buildAccount,
  goodPassword,
  rawRequest,
  sessionCookieFrom,
  signIn,
} from "./auth-test-support";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.clock.now = new Date();
});

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  api.clock.now = new Date(api.clock.now.getTime() + ms);
};

async function auditOf(event: string, resourceId: string) {
  return api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.resourceId, resourceId)));
}

describe("POST /api/auth/sign-in", () => {
  it("signs in and sets a __Host- cookie that is Secure, HttpOnly, SameSite=Lax and Path=/", async () => {
    const { user } = await buildAccount(api);
    const response = await signIn(api, user.email);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      data: {
        user: { id: user.id, displayName: user.displayName, role: "practitioner" },
        secondFactorRequired: false,
        totpEnrolmentRequired: false,
      },
    });
    // The session's cookie (the device cookie beside it is tested in new-sign-in.test.ts).
    const setCookie =
      response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`)) ?? "";
    expect(setCookie).toMatch(new RegExp(`^${sessionCookieName}=[a-z2-7]{32};`));
    expect(sessionCookieName.startsWith("__Host-")).toBe(true);
    for (const attribute of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]) {
      expect(setCookie).toContain(`; ${attribute}`);
    }
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await call(api, "GET", "/api/me", { cookie: response.cookie })).status).toBe(200);
  });

  it("stores only the SHA-256 of the token", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const token = cookie.split("=")[1] ?? "";
    const { db, config, now } = api.deps;
    const stored = await listUserSessions(db, user.id, config.sessionPolicy, now());
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(hashToken(token));
    expect(stored[0]?.id).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("ignores the case of the email and audits the new session", async () => {
    const { user } = await buildAccount(api);
    const response = await signIn(api, `  ${user.email.toUpperCase()} `);
    expect(response.status).toBe(200);
    const [event] = await auditOf("session.create", user.id);
    expect(event).toMatchObject({ actorId: user.id, familyId: null });
  });

  it("answers an unknown email, a wrong password and a deactivated account byte for byte alike", async () => {
    const { user } = await buildAccount(api);
    const { user: gone } = await buildAccount(api, { status: "deactivated" });
    const { user: invited } = await buildAccount(api, { status: "invited", passwordHash: null });
    const attempts = [
      { email: `nobody.${user.id}@example.test`, password: goodPassword },
      { email: user.email, password: "wrong password entirely" },
      { email: gone.email, password: goodPassword },
      { email: invited.email, password: goodPassword },
    ];
    const answers = [];
    for (const body of attempts) {
      const response = await rawRequest(api, "POST", "/api/auth/sign-in", { body });
      answers.push({
        status: response.status,
        body: await response.text(),
        setCookie: response.headers.getSetCookie(),
      });
    }
    expect(answers[0]).toEqual({
      status: 401,
      body: JSON.stringify({
        error: { code: "unauthenticated", message: "The email or password is not right." },
      }),
      setCookie: [],
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("audits failures with the email hashed and never the password", async () => {
    const { user } = await buildAccount(api);
    await signIn(api, user.email, "a wrong password 123");
    const [event] = await auditOf("session.sign_in_failed", user.id);
    expect(event?.details).toMatchObject({ reason: "wrong_password" });
    const text = JSON.stringify(event);
    expect(text).not.toContain(user.email);
    expect(text).not.toContain("a wrong password 123");
  });

  it("throttles the 6th failure for one account with 429 and Retry-After, even with the right password", async () => {
    const { user } = await buildAccount(api);
    for (let i = 0; i < 5; i++) {
      expect((await signIn(api, user.email, `wrong ${i}`)).status).toBe(401);
    }
    const sixth = await signIn(api, user.email, "wrong 6");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(sixth.json.error.code).toBe("too_many_requests");
    expect((await signIn(api, user.email)).status).toBe(429);
    // Another account is not held up by it.
    const { user: other } = await buildAccount(api);
    expect((await signIn(api, other.email)).status).toBe(200);
  });

  it("replaces a session the browser already had (session fixation)", async () => {
    const { user } = await buildAccount(api);
    const first = await signIn(api, user.email);
    const second = await call(api, "POST", "/api/auth/sign-in", {
      cookie: first.cookie,
      body: { email: user.email, password: goodPassword },
    });
    const secondCookie = sessionCookieFrom(second);
    expect(secondCookie).not.toBe(first.cookie);
    expect((await call(api, "GET", "/api/me", { cookie: first.cookie })).status).toBe(401);
    expect((await call(api, "GET", "/api/me", { cookie: secondCookie })).status).toBe(200);
  });

  it("flags TOTP enrolment when the authority requires it of staff", async () => {
    const { user } = await buildAccount(api, { requireStaffTotp: true });
    const response = await signIn(api, user.email);
    expect(response.json.data).toMatchObject({
      secondFactorRequired: false,
      totpEnrolmentRequired: true,
    });
  });
});

describe("session lifetime", () => {
  it("ends a session idle for more than 30 minutes", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    advance(minutes(29));
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(200);
    advance(minutes(31));
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("ends a session 12 hours after sign-in however busy", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    // 28 × 25 minutes = 11 h 40 min, never idle for long.
    for (let i = 0; i < 28; i++) {
      advance(minutes(25));
      expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(200);
    }
    advance(minutes(25));
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(401);
  });
});

describe("POST /api/auth/sign-out", () => {
  it("ends the session, clears the cookie and audits; the cookie is then refused", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const response = await call(api, "POST", "/api/auth/sign-out", { cookie });
    expect(response.status).toBe(204);
    const cleared = response.headers.getSetCookie().join("\n");
    expect(cleared).toContain(`${sessionCookieName}=;`);
    expect(cleared).toContain("Max-Age=0");
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(401);
    expect(await auditOf("session.end", user.id)).toHaveLength(1);
  });

  it("answers 204 without a session too", async () => {
    expect((await call(api, "POST", "/api/auth/sign-out")).status).toBe(204);
  });
});

describe("cross-site request defence", () => {
  const attacks: [string, Record<string, string>][] = [
    ["no Origin", { origin: "" }],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a text/plain body", { "content-type": "text/plain" }],
  ];

  it.each(attacks)("refuses a sign-out with %s and changes nothing", async (_, headers) => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const requestHeaders: Record<string, string> = { cookie, "content-type": "application/json" };
    Object.assign(requestHeaders, headers);
    if (!requestHeaders.origin) delete requestHeaders.origin;
    const response = await api.app.request("/api/auth/sign-out", {
      method: "POST",
      headers: requestHeaders,
      body: "{}",
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("forbidden");
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(200);
  });

  it.each(attacks)("refuses a sign-in with %s", async (_, headers) => {
    const { user } = await buildAccount(api);
    const requestHeaders: Record<string, string> = {
      "content-type": "application/json",
      ...headers,
    };
    if (!requestHeaders.origin) delete requestHeaders.origin;
    const response = await api.app.request("/api/auth/sign-in", {
      method: "POST",
      headers: requestHeaders,
      body: JSON.stringify({ email: user.email, password: goodPassword }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe("security headers", () => {
  it("sends CSP, HSTS, nosniff and Referrer-Policy, and no-store when signed in", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const response = await call(api, "GET", "/api/me", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps the user's status untouched by failed attempts", async () => {
    const { user } = await buildAccount(api);
    await signIn(api, user.email, "wrong password here");
    const [row] = await api.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.status).toBe("active");
  });
});
