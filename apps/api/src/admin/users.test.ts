import { hashPassword } from "@teamaround/auth";
import { agencies, auditEvents, invitations, users } from "@teamaround/db";
import { buildAgency, buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { goodPassword, signIn } from "../auth/auth-test-support";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
let logged: string[] = [];
beforeAll(async () => {
  api = await startTestApi();
  api.deps.logger = pino({ level: "info" }, { write: (line: string) => logged.push(line) });
});
afterAll(() => api.close());
beforeEach(() => {
  api.deps.config.nodeEnv = "test";
  logged = [];
});

async function world() {
  const s = await buildScenario(api.deps.db);
  return { s, admin: await sessionCookieFor(api, s.users.administrator.id) };
}

function newUser(agencyId: string, overrides: Record<string, unknown> = {}) {
  const tag = Math.random().toString(36).slice(2, 10);
  return {
    email: `New.Person.${tag}@Example.test`,
    displayName: `New Person ${tag}`,
    jobTitle: "Family support worker",
    role: "practitioner",
    agencyId,
    ...overrides,
  };
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";
const setPassword = (token: string) =>
  call(api, "POST", "/api/auth/set-password", { body: { token, password: goodPassword } });

describe("GET /api/users", () => {
  it("lists the authority's accounts with filters, never hashes or keys", async () => {
    const { s, admin } = await world();
    await api.deps.db
      .update(users)
      .set({ passwordHash: "$argon2id$secret", totpKey: "c2VjcmV0" })
      .where(eq(users.id, s.users.lead.id));
    const all = await call(api, "GET", "/api/users", { cookie: admin });
    expect(all.status).toBe(200);
    const ids = all.json.data.map((u: { id: string }) => u.id).sort();
    expect(ids).toEqual(
      Object.values(s.users)
        .map((u) => u.id)
        .sort(),
    );
    const lead = all.json.data.find((u: { id: string }) => u.id === s.users.lead.id);
    expect(lead).toMatchObject({
      email: s.users.lead.email,
      role: "practitioner",
      status: "active",
      totpEnabled: true,
      agency: { id: s.agencies.school.id, name: s.agencies.school.name, type: "school" },
    });
    expect(JSON.stringify(all.json)).not.toMatch(/argon2|c2VjcmV0|passwordHash|totpKey/);

    const managers = await call(api, "GET", "/api/users?role=manager", { cookie: admin });
    expect(managers.json.data.map((u: { id: string }) => u.id)).toEqual([s.users.manager.id]);
    const search = await call(api, "GET", `/api/users?q=${s.users.outsider.email.slice(0, 20)}`, {
      cookie: admin,
    });
    expect(search.json.data.map((u: { id: string }) => u.id)).toEqual([s.users.outsider.id]);
    const wildcard = await call(api, "GET", "/api/users?q=%25", { cookie: admin });
    expect(wildcard.json.data).toEqual([]);
  });

  it("is for administrators only", async () => {
    const { s } = await world();
    const manager = await sessionCookieFor(api, s.users.manager.id);
    expect((await call(api, "GET", "/api/users", { cookie: manager })).status).toBe(403);
  });
});

describe("POST /api/users", () => {
  it("creates an invited account with a 7-day link, shown and logged outside production", async () => {
    const { s, admin } = await world();
    const body = newUser(s.agencies.health.id);
    const response = await call(api, "POST", "/api/users", { cookie: admin, body });
    expect(response.status).toBe(201);
    expect(response.json.data).toMatchObject({
      email: body.email.toLowerCase(),
      status: "invited",
      role: "practitioner",
      agency: { id: s.agencies.health.id },
    });
    const { setPasswordUrl, expiresAt } = response.json.invitation;
    expect(setPasswordUrl).toMatch(/^http:\/\/teamaround\.test\/set-password\?token=[a-z2-7]{32}$/);
    const days = (Date.parse(expiresAt) - api.clock.now.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
    expect(logged.join("\n")).toContain(setPasswordUrl);
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.event, "user.create"),
          eq(auditEvents.resourceId, response.json.data.id),
        ),
      );
    expect(event).toMatchObject({ actorId: s.users.administrator.id, familyId: null });

    expect((await setPassword(tokenOf(setPasswordUrl))).status).toBe(200);
    expect((await signIn(api, body.email)).status).toBe(200);
  });

  it("never shows or logs the link in production", async () => {
    const { s, admin } = await world();
    api.deps.config.nodeEnv = "production";
    const response = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newUser(s.agencies.health.id),
    });
    expect(response.status).toBe(201);
    expect(response.json.invitation.setPasswordUrl).toBeUndefined();
    expect(logged.join("\n")).not.toContain("set-password");
  });

  it("refuses a duplicate email whatever its case (409)", async () => {
    const { s, admin } = await world();
    const response = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newUser(s.agencies.health.id, { email: s.users.lead.email.toUpperCase() }),
    });
    expect(response.status).toBe(409);
    expect(response.json.error.details[0].path).toBe("email");
  });

  it("needs an active agency of the authority for practitioners and managers (422)", async () => {
    const { s, admin } = await world();
    const other = await buildScenario(api.deps.db);
    const closed = await buildAgency(api.deps.db, { authorityId: s.authority.id });
    await api.deps.db.update(agencies).set({ active: false }).where(eq(agencies.id, closed.id));
    for (const agencyId of [undefined, other.agencies.school.id, closed.id]) {
      const response = await call(api, "POST", "/api/users", {
        cookie: admin,
        body: newUser(s.agencies.school.id, { role: "manager", agencyId }),
      });
      expect(response.status).toBe(422);
      expect(response.json.error.details[0].path).toBe("agencyId");
    }
    const adminWithoutAgency = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newUser(s.agencies.school.id, { role: "administrator", agencyId: undefined }),
    });
    expect(adminWithoutAgency.status).toBe(201);
  });

  it("does not create family-member accounts", async () => {
    const { s, admin } = await world();
    const response = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newUser(s.agencies.school.id, { role: "family_member" }),
    });
    expect(response.status).toBe(400);
  });
});

describe("PATCH /api/users/{userId}", () => {
  it("changes name, title, agency and role", async () => {
    const { s, admin } = await world();
    const response = await call(api, "PATCH", `/api/users/${s.users.outsider.id}`, {
      cookie: admin,
      body: {
        version: 1,
        displayName: "Pat Jones",
        role: "manager",
        agencyId: s.agencies.health.id,
      },
    });
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      displayName: "Pat Jones",
      role: "manager",
      agency: { id: s.agencies.health.id },
      version: 2,
    });
  });

  it("refuses changing my own role, and a practitioner with no agency (422)", async () => {
    const { s, admin } = await world();
    const own = await call(api, "PATCH", `/api/users/${s.users.administrator.id}`, {
      cookie: admin,
      body: { version: 1, role: "manager", agencyId: s.agencies.school.id },
    });
    expect(own.status).toBe(422);
    expect(own.json.error.details[0].path).toBe("role");
    const noAgency = await call(api, "PATCH", `/api/users/${s.users.lead.id}`, {
      cookie: admin,
      body: { version: 1, agencyId: null },
    });
    expect(noAgency.status).toBe(422);
    expect(noAgency.json.error.details[0].path).toBe("agencyId");
  });

  it("answers 404 for another authority's user", async () => {
    const { admin } = await world();
    const other = await buildScenario(api.deps.db);
    const response = await call(api, "PATCH", `/api/users/${other.users.lead.id}`, {
      cookie: admin,
      body: { version: 1, displayName: "Hijacked" },
    });
    expect(response.status).toBe(404);
  });

  it("answers 409 to an edit from a stale version, also after a deactivation, and changes nothing", async () => {
    const { s, admin } = await world();
    const path = `/api/users/${s.users.outsider.id}`;
    const first = await call(api, "PATCH", path, {
      cookie: admin,
      body: { version: 1, jobTitle: "Family worker" },
    });
    expect(first.status).toBe(200);
    const stale = await call(api, "PATCH", path, {
      cookie: admin,
      body: { version: 1, displayName: "Someone else" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "stale_version",
      details: { currentVersion: 2, yourVersion: 1 },
    });
    await call(api, "POST", `${path}/deactivate`, { cookie: admin, body: { reason: "Left" } });
    const afterDeactivation = await call(api, "PATCH", path, {
      cookie: admin,
      body: { version: 2, displayName: "Someone else" },
    });
    expect(afterDeactivation.status).toBe(409);
    const [row] = await api.deps.db.select().from(users).where(eq(users.id, s.users.outsider.id));
    expect(row).toMatchObject({
      displayName: s.users.outsider.displayName,
      jobTitle: "Family worker",
      version: 3,
    });
  });
});

describe("deactivation", () => {
  it("ends the user's live sessions at once and stops sign-in; reactivation restores it", async () => {
    const { s, admin } = await world();
    await api.deps.db
      .update(users)
      .set({ passwordHash: await hashPassword(goodPassword) })
      .where(eq(users.id, s.users.lead.id));
    const live = await signIn(api, s.users.lead.email);
    expect((await call(api, "GET", "/api/me", { cookie: live.cookie })).status).toBe(200);

    const response = await call(api, "POST", `/api/users/${s.users.lead.id}/deactivate`, {
      cookie: admin,
      body: { reason: "Left the service" },
    });
    expect(response.status).toBe(200);
    expect(response.json.data.status).toBe("deactivated");
    expect(response.json.data.deactivatedAt).toBeTypeOf("string");
    expect((await call(api, "GET", "/api/me", { cookie: live.cookie })).status).toBe(401);
    expect((await signIn(api, s.users.lead.email)).status).toBe(401);
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "user.deactivate"), eq(auditEvents.resourceId, s.users.lead.id)),
      );
    expect(event).toMatchObject({ familyId: null, details: { reason: "Left the service" } });

    const again = await call(api, "POST", `/api/users/${s.users.lead.id}/deactivate`, {
      cookie: admin,
      body: { reason: "Twice" },
    });
    expect(again.status).toBe(409);

    const back = await call(api, "POST", `/api/users/${s.users.lead.id}/reactivate`, {
      cookie: admin,
    });
    expect(back.json.data).toMatchObject({ status: "active", deactivatedAt: null });
    expect((await signIn(api, s.users.lead.email)).status).toBe(200);
  });

  it("does not let an administrator deactivate themselves (422)", async () => {
    const { s, admin } = await world();
    const response = await call(api, "POST", `/api/users/${s.users.administrator.id}/deactivate`, {
      cookie: admin,
      body: { reason: "Oops" },
    });
    expect(response.status).toBe(422);
    expect((await call(api, "GET", "/api/me", { cookie: admin })).status).toBe(200);
  });

  it("reactivates an account that never set a password as invited", async () => {
    const { s, admin } = await world();
    await call(api, "POST", `/api/users/${s.users.outsider.id}/deactivate`, {
      cookie: admin,
      body: { reason: "Long leave" },
    });
    const back = await call(api, "POST", `/api/users/${s.users.outsider.id}/reactivate`, {
      cookie: admin,
    });
    expect(back.json.data.status).toBe("invited");
  });
});

describe("POST /api/users/{userId}/invitation", () => {
  it("sends a new link and the older one stops working", async () => {
    const { s, admin } = await world();
    const created = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newUser(s.agencies.school.id),
    });
    const userId = created.json.data.id;
    const reissued = await call(api, "POST", `/api/users/${userId}/invitation`, { cookie: admin });
    expect(reissued.status).toBe(201);
    expect((await setPassword(tokenOf(created.json.invitation.setPasswordUrl))).status).toBe(422);
    expect((await setPassword(tokenOf(reissued.json.data.setPasswordUrl))).status).toBe(200);
    const open = await api.deps.db.select().from(invitations).where(eq(invitations.userId, userId));
    expect(open.every((i) => i.usedAt !== null)).toBe(true);
  });

  it("refuses a deactivated account (409)", async () => {
    const { s, admin } = await world();
    await call(api, "POST", `/api/users/${s.users.outsider.id}/deactivate`, {
      cookie: admin,
      body: { reason: "Left" },
    });
    const response = await call(api, "POST", `/api/users/${s.users.outsider.id}/invitation`, {
      cookie: admin,
    });
    expect(response.status).toBe(409);
  });
});
