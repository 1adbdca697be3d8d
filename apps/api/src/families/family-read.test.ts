import { buildScenario } from "@teamaround/db/testing";
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
