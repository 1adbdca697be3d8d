import { decodeTotpKey, hashToken } from "@teamaround/auth";
import { localAuthorities, users } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAccount, codeAt, currentCode, signIn } from "../auth/auth-test-support";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.clock.now = new Date();
});

const me = (cookie: string) => call(api, "GET", "/api/me", { cookie });

describe("GET /api/me", () => {
  it("describes a practitioner, their abilities and their authority's settings", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db
      .update(localAuthorities)
      .set({ leadProfessionalTitle: "Family Help Lead Practitioner" })
      .where(eq(localAuthorities.id, s.authority.id));
    const response = await me(await sessionCookieFor(api, s.users.lead.id));
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      id: s.users.lead.id,
      email: s.users.lead.email,
      role: "practitioner",
      agency: { id: s.agencies.school.id, name: s.agencies.school.name, type: "school" },
      totpEnabled: false,
      authority: {
        name: s.authority.name,
        leadProfessionalTitle: "Family Help Lead Practitioner",
        reviewMinWeeks: 6,
        reviewMaxWeeks: 12,
      },
    });
    expect(response.json.data.authority.levelsOfNeed).toHaveLength(4);
    expect(response.json.abilities.family.create).toBe(true);
    expect(response.json.abilities.user.manage).toBe(false);
    const text = JSON.stringify(response.json);
    for (const secret of ["passwordHash", "totpKey", "totpPendingKey"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("describes a family member with no agency", async () => {
    const s = await buildScenario(api.deps.db);
    const response = await me(await sessionCookieFor(api, s.users.parentUser.id));
    expect(response.json.data).toMatchObject({ role: "family_member", agency: null });
    expect(response.json.abilities.family.create).toBe(false);
  });

  it("answers 401 without a session", async () => {
    expect((await call(api, "GET", "/api/me")).status).toBe(401);
  });
});

describe("my sessions", () => {
  it("lists my sessions, marks the current one, and never shows a token", async () => {
    const { user } = await buildAccount(api);
    const first = await signIn(api, user.email);
    const second = await signIn(api, user.email);
    const response = await call(api, "GET", "/api/me/sessions", { cookie: second.cookie });
    expect(response.status).toBe(200);
    expect(response.json.data).toHaveLength(2);
    const secondToken = second.cookie.split("=")[1] ?? "";
    const current = response.json.data.find((s: { current: boolean }) => s.current);
    expect(current.id).toBe(hashToken(secondToken));
    expect(response.json.data.map((s: { singleSignOn: boolean }) => s.singleSignOn)).toEqual([
      false,
      false,
    ]);
    const text = JSON.stringify(response.json);
    expect(text).not.toContain(secondToken);
    expect(text).not.toContain(first.cookie.split("=")[1]);
  });

  it("revokes one of my own sessions; another user's id is not found", async () => {
    const { user } = await buildAccount(api);
    const { user: other } = await buildAccount(api);
    const mine = await signIn(api, user.email);
    const myOther = await signIn(api, user.email);
    const theirs = await signIn(api, other.email);
    const theirId = hashToken(theirs.cookie.split("=")[1] ?? "");
    const myOtherId = hashToken(myOther.cookie.split("=")[1] ?? "");

    const refused = await call(api, "DELETE", `/api/me/sessions/${theirId}`, {
      cookie: mine.cookie,
    });
    expect(refused.status).toBe(404);
    expect((await me(theirs.cookie)).status).toBe(200);

    const revoked = await call(api, "DELETE", `/api/me/sessions/${myOtherId}`, {
      cookie: mine.cookie,
    });
    expect(revoked.status).toBe(204);
    expect((await me(myOther.cookie)).status).toBe(401);
    expect((await me(mine.cookie)).status).toBe(200);
  });

  it("revoking the current session signs me out and clears the cookie", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const id = hashToken(cookie.split("=")[1] ?? "");
    const response = await call(api, "DELETE", `/api/me/sessions/${id}`, { cookie });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toContain("Max-Age=0");
    expect((await me(cookie)).status).toBe(401);
  });

  it("revokes all my other sessions", async () => {
    const { user } = await buildAccount(api);
    const a = await signIn(api, user.email);
    const b = await signIn(api, user.email);
    const c = await signIn(api, user.email);
    const response = await call(api, "POST", "/api/me/sessions/revoke-others", {
      cookie: c.cookie,
    });
    expect(response.json).toEqual({ data: { revoked: 2 } });
    expect((await me(a.cookie)).status).toBe(401);
    expect((await me(b.cookie)).status).toBe(401);
    expect((await me(c.cookie)).status).toBe(200);
  });
});

async function pendingKey(userId: string): Promise<Uint8Array> {
  const [row] = await api.deps.db.select().from(users).where(eq(users.id, userId));
  if (!row?.totpPendingKey) throw new Error("no pending key");
  return decodeTotpKey(row.totpPendingKey);
}

describe("TOTP enrolment", () => {
  it("offers a key, confirms it with a code, and signs out my other sessions", async () => {
    const { user } = await buildAccount(api);
    const other = await signIn(api, user.email);
    const { cookie } = await signIn(api, user.email);
    const enrol = await call(api, "POST", "/api/me/totp/enrol", { cookie });
    expect(enrol.status).toBe(200);
    expect(enrol.json.data.uri).toMatch(/^otpauth:\/\/totp\/Teamaround:/);
    expect(enrol.json.data.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.json.data.uri).toContain(`secret=${enrol.json.data.secret}`);
    const key = await pendingKey(user.id);

    const wrong = await call(api, "POST", "/api/me/totp/confirm", {
      cookie,
      body: { code: currentCode(key) === "000000" ? "111111" : "000000" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.details[0].path).toBe("code");

    const confirmed = await call(api, "POST", "/api/me/totp/confirm", {
      cookie,
      body: { code: currentCode(key) },
    });
    expect(confirmed.json).toEqual({ data: { totpEnabled: true, otherSessionsRevoked: 1 } });
    expect((await me(other.cookie)).status).toBe(401);
    const after = await me(cookie);
    expect(after.status).toBe(200);
    expect(after.json.data.totpEnabled).toBe(true);

    // The next sign-in asks for a code.
    const next = await signIn(api, user.email);
    expect(next.json.data.secondFactorRequired).toBe(true);
  });

  it("needs a current code to replace an existing authenticator", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    await call(api, "POST", "/api/me/totp/enrol", { cookie });
    const key = await pendingKey(user.id);
    await call(api, "POST", "/api/me/totp/confirm", { cookie, body: { code: currentCode(key) } });

    const noCode = await call(api, "POST", "/api/me/totp/enrol", { cookie });
    expect(noCode.status).toBe(422);
    expect(noCode.json.error.details[0].path).toBe("code");
    // The code just used for confirmation works once only.
    const reused = await call(api, "POST", "/api/me/totp/enrol", {
      cookie,
      body: { code: currentCode(key) },
    });
    expect(reused.status).toBe(422);

    api.clock.now = new Date(api.clock.now.getTime() + 30_000);
    const replaced = await call(api, "POST", "/api/me/totp/enrol", {
      cookie,
      body: { code: codeAt(key, api.clock.now) },
    });
    expect(replaced.status).toBe(200);
  });

  it("refuses to confirm before enrolment started", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const response = await call(api, "POST", "/api/me/totp/confirm", {
      cookie,
      body: { code: "123456" },
    });
    expect(response.status).toBe(409);
  });
});
