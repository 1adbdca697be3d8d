import { families } from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
let scenario: Scenario;
let cookie: string;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  scenario = await buildScenario(api.deps.db);
  cookie = await sessionCookieFor(api, scenario.users.lead.id);
});

async function familiesCreatedByLead() {
  const [row] = await api.deps.db
    .select({ n: count() })
    .from(families)
    .where(eq(families.createdBy, scenario.users.lead.id));
  return row?.n ?? 0;
}

/** Each kind of bad input gets the JSON error shape, the right status, and changes nothing. */
describe("bad input", () => {
  it("malformed JSON → 400 bad_request", async () => {
    const before = await familiesCreatedByLead();
    const res = await call(api, "POST", "/api/families", {
      cookie,
      rawBody: '{"displayName": "A",',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
    expect(await familiesCreatedByLead()).toBe(before);
  });

  it("wrong types → 400 validation_failed naming the field", async () => {
    const before = await familiesCreatedByLead();
    const res = await call(api, "POST", "/api/families", {
      cookie,
      body: { displayName: 42, levelOfNeed: "high" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["displayName", "levelOfNeed"]));
    expect(await familiesCreatedByLead()).toBe(before);
  });

  it("unknown fields → 400", async () => {
    const res = await call(api, "POST", "/api/families", {
      cookie,
      body: {
        displayName: "The Test family",
        levelOfNeed: 2,
        owningAgencyId: scenario.agencies.housing.id,
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
  });

  it("an oversized body → 413", async () => {
    const before = await familiesCreatedByLead();
    const res = await call(api, "POST", "/api/families", {
      cookie,
      body: { displayName: "x".repeat(70 * 1024), levelOfNeed: 2 },
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
    expect(await familiesCreatedByLead()).toBe(before);
  });

  it("a malformed id → 400; a well-formed unknown id → 404", async () => {
    const bad = await call(api, "GET", "/api/families/not-a-uuid", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("familyId");
    const unknown = await call(api, "GET", "/api/families/00000000-0000-4000-8000-000000000000", {
      cookie,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
  });

  it("a level of need beyond any scale (levels run 1–10) → 400, a stale version → 409, and neither changes the family", async () => {
    const path = `/api/families/${scenario.family.id}`;
    const outOfRange = await call(api, "PATCH", path, {
      cookie,
      body: { version: 1, levelOfNeed: 11 },
    });
    expect(outOfRange.status).toBe(400);
    const stale = await call(api, "PATCH", path, { cookie, body: { version: 7, levelOfNeed: 3 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "stale_version",
      details: { currentVersion: 1 },
    });
    const [row] = await api.deps.db
      .select()
      .from(families)
      .where(eq(families.id, scenario.family.id));
    expect(row).toMatchObject({ levelOfNeed: 2, version: 1 });
  });

  it("a level of need the authority does not configure → 422", async () => {
    const { localAuthorities } = await import("@teamaround/db");
    await api.deps.db
      .update(localAuthorities)
      .set({ levelsOfNeed: [{ level: 2, label: "Early help", description: "" }] })
      .where(eq(localAuthorities.id, scenario.authority.id));
    const res = await call(api, "POST", "/api/families", {
      cookie,
      body: { displayName: "The Test family", levelOfNeed: 3 },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("levelOfNeed");
  });

  it("an unknown address → 404 in the same shape", async () => {
    const res = await call(api, "GET", "/api/nothing-here", { cookie });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});

describe("same-origin JSON rule for state-changing requests", () => {
  const body = JSON.stringify({ displayName: "The Test family", levelOfNeed: 2 });

  it.each([
    ["no Origin", { "content-type": "application/json" }],
    ["a foreign Origin", { origin: "https://evil.example", "content-type": "application/json" }],
    [
      "a form content type",
      { origin: testOrigin, "content-type": "application/x-www-form-urlencoded" },
    ],
    ["text/plain", { origin: testOrigin, "content-type": "text/plain" }],
  ])("refuses %s with 403 and creates nothing", async (_label, headers) => {
    const before = await familiesCreatedByLead();
    const res = await api.app.request("/api/families", {
      method: "POST",
      headers: { ...headers, cookie } as Record<string, string>,
      body,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(await familiesCreatedByLead()).toBe(before);
  });
});
