import { agencies, auditEvents } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function world() {
  const s = await buildScenario(api.deps.db);
  return {
    s,
    admin: await sessionCookieFor(api, s.users.administrator.id),
    practitioner: await sessionCookieFor(api, s.users.lead.id),
    parent: await sessionCookieFor(api, s.users.parentUser.id),
  };
}

const names = (response: { json: { data: { name: string }[] } }) =>
  response.json.data.map((a) => a.name);

describe("agencies", () => {
  it("lists the authority's agencies to staff; family members are refused", async () => {
    const { s, practitioner, parent } = await world();
    const other = await buildScenario(api.deps.db);
    const response = await call(api, "GET", "/api/agencies", { cookie: practitioner });
    expect(response.status).toBe(200);
    expect(names(response).sort()).toEqual(
      [s.agencies.school.name, s.agencies.health.name, s.agencies.housing.name].sort(),
    );
    expect(names(response)).not.toContain(other.agencies.school.name);
    expect((await call(api, "GET", "/api/agencies", { cookie: parent })).status).toBe(403);
  });

  it("lets an administrator add one, audited without a family", async () => {
    const { s, admin } = await world();
    const created = await call(api, "POST", "/api/agencies", {
      cookie: admin,
      body: { name: "Young Carers Project", type: "voluntary" },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      name: "Young Carers Project",
      type: "voluntary",
      active: true,
    });
    const [row] = await api.deps.db
      .select()
      .from(agencies)
      .where(eq(agencies.id, created.json.data.id));
    expect(row?.authorityId).toBe(s.authority.id);
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "agency.create"), eq(auditEvents.resourceId, row?.id ?? "")),
      );
    expect(event).toMatchObject({ actorId: s.users.administrator.id, familyId: null });
  });

  it("refuses a duplicate name (409) and a practitioner (403)", async () => {
    const { s, admin, practitioner } = await world();
    const duplicate = await call(api, "POST", "/api/agencies", {
      cookie: admin,
      body: { name: s.agencies.school.name.toUpperCase(), type: "school" },
    });
    expect(duplicate.status).toBe(409);
    const refused = await call(api, "POST", "/api/agencies", {
      cookie: practitioner,
      body: { name: "Another", type: "school" },
    });
    expect(refused.status).toBe(403);
  });

  it("deactivates an agency: staff stop seeing it, administrators still do", async () => {
    const { s, admin, practitioner } = await world();
    const response = await call(api, "PATCH", `/api/agencies/${s.agencies.housing.id}`, {
      cookie: admin,
      body: { version: 1, active: false, name: "Housing Options" },
    });
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      name: "Housing Options",
      active: false,
      version: 2,
    });
    const staffView = await call(api, "GET", "/api/agencies", { cookie: practitioner });
    expect(names(staffView)).not.toContain("Housing Options");
    const adminView = await call(api, "GET", "/api/agencies", { cookie: admin });
    expect(names(adminView)).toContain("Housing Options");
  });

  it("keeps a contact address, validated, shown to administrators only", async () => {
    const { s, admin, practitioner } = await world();
    const created = await call(api, "POST", "/api/agencies", {
      cookie: admin,
      body: { name: "Riverside Surgery", type: "health", contactEmail: "Team@Surgery.example" },
    });
    expect(created.status).toBe(201);
    expect(created.json.data.contactEmail).toBe("team@surgery.example");
    const bad = await call(api, "POST", "/api/agencies", {
      cookie: admin,
      body: { name: "Nowhere", type: "health", contactEmail: "not an address" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "contactEmail" })]),
    );
    const set = await call(api, "PATCH", `/api/agencies/${s.agencies.school.id}`, {
      cookie: admin,
      body: { version: 1, contactEmail: "safeguarding@school.example" },
    });
    expect(set.json.data.contactEmail).toBe("safeguarding@school.example");
    const staffView = await call(api, "GET", "/api/agencies", { cookie: practitioner });
    expect(staffView.json.data.every((a: object) => !("contactEmail" in a))).toBe(true);
    const adminView = await call(api, "GET", "/api/agencies", { cookie: admin });
    const school = adminView.json.data.find((a: { id: string }) => a.id === s.agencies.school.id);
    expect(school.contactEmail).toBe("safeguarding@school.example");
    const cleared = await call(api, "PATCH", `/api/agencies/${s.agencies.school.id}`, {
      cookie: admin,
      body: { version: 2, contactEmail: null },
    });
    expect(cleared.json.data.contactEmail).toBeNull();
  });

  it("answers 404 for another authority's agency and changes nothing", async () => {
    const { admin } = await world();
    const other = await buildScenario(api.deps.db);
    const response = await call(api, "PATCH", `/api/agencies/${other.agencies.school.id}`, {
      cookie: admin,
      body: { version: 1, name: "Taken over" },
    });
    expect(response.status).toBe(404);
    const [row] = await api.deps.db
      .select()
      .from(agencies)
      .where(eq(agencies.id, other.agencies.school.id));
    expect(row?.name).toBe(other.agencies.school.name);
  });

  it("answers 409 to an edit made from a stale version and changes nothing", async () => {
    const { s, admin } = await world();
    const path = `/api/agencies/${s.agencies.school.id}`;
    const first = await call(api, "PATCH", path, {
      cookie: admin,
      body: { version: 1, name: "A" },
    });
    expect(first.status).toBe(200);
    const stale = await call(api, "PATCH", path, {
      cookie: admin,
      body: { version: 1, name: "B", active: false },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "stale_version",
      message: expect.stringMatching(/Someone else changed this/),
      details: { currentVersion: 2, yourVersion: 1 },
    });
    const [row] = await api.deps.db
      .select()
      .from(agencies)
      .where(eq(agencies.id, s.agencies.school.id));
    expect(row).toMatchObject({ name: "A", active: true, version: 2 });
    const withoutVersion = await call(api, "PATCH", path, { cookie: admin, body: { name: "C" } });
    expect(withoutVersion.status).toBe(400);
  });

  it("refuses unknown fields", async () => {
    const { s, admin } = await world();
    const response = await call(api, "PATCH", `/api/agencies/${s.agencies.school.id}`, {
      cookie: admin,
      body: { authorityId: s.authority.id },
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ["no Origin", { origin: "" }],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a text/plain body", { "content-type": "text/plain" }],
  ])("refuses a POST with %s (403) and creates nothing", async (_, overrides) => {
    const { s, admin } = await world();
    const headers: Record<string, string> = {
      cookie: admin,
      origin: "http://teamaround.test",
      "content-type": "application/json",
      ...overrides,
    };
    if (!headers.origin) delete headers.origin;
    const response = await api.app.request("/api/agencies", {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Forged agency", type: "other" }),
    });
    expect(response.status).toBe(403);
    const rows = await api.deps.db
      .select()
      .from(agencies)
      .where(and(eq(agencies.authorityId, s.authority.id), eq(agencies.name, "Forged agency")));
    expect(rows).toEqual([]);
  });
});
