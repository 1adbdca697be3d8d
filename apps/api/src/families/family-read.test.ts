import { users } from "@teamaround/db";
import { buildScenario, buildUser } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe("GET /api/families/{familyId}: the live documents I may open", () => {
  it.each([
    ["lead", { plan: "read-write", voice: "read-write", notes: "read-write" }],
    ["teamMember", { plan: "read-write", voice: "read-write", notes: "read-write" }],
    ["manager", { plan: "read-only", voice: "read-only", notes: "read-only" }],
    ["parentUser", { plan: "read-only", voice: "read-write", notes: "none" }],
  ] as const)("%s", async (persona, expected) => {
    const s = await buildScenario(api.deps.db);
    const response = await call(api, "GET", `/api/families/${s.family.id}`, {
      cookie: await sessionCookieFor(api, s.users[persona].id),
    });
    expect(response.status).toBe(200);
    expect(response.json.documents).toEqual(expected);
  });
});

describe("GET /api/families/{familyId}: the lead professional's line manager", () => {
  it("oversees the case from another service; another manager there still gets 404", async () => {
    const s = await buildScenario(api.deps.db);
    const lineManager = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: s.agencies.health.id,
    });
    const otherManager = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: s.agencies.health.id,
    });
    await api.deps.db
      .update(users)
      .set({ managerId: lineManager.id })
      .where(eq(users.id, s.users.lead.id));
    const path = `/api/families/${s.family.id}`;
    const asLineManager = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, lineManager.id),
    });
    expect(asLineManager.status).toBe(200);
    expect(asLineManager.json.abilities.assessment.sign_off).toBe(true);
    const asOther = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, otherManager.id),
    });
    expect(asOther.status).toBe(404);
  });
});
