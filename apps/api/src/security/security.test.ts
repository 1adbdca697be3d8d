import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestApi, type TestApi } from "../testing/test-api";
import { cookieFor, type Persona, personas } from "./personas";
import { routeCases } from "./route-expectations";
import { buildSecurityWorld } from "./security-world";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** Routes that are public by design and checked by their own tests. */
const publicRoutes = new Set([
  "GET /api/openapi.json",
  "GET /api/docs",
  "GET /api/docs/assets/init.js",
  "GET /api/docs/assets/{file}",
]);

function registeredRoutes(): string[] {
  const keys = api.app.routes
    .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set(keys)].filter((k) => !publicRoutes.has(k)).sort();
}

describe("security suite", () => {
  it("has an entry for every registered route", () => {
    const missing = registeredRoutes().filter((key) => !(key in routeCases));
    expect(missing, "routes with no entry in route-expectations.ts").toEqual([]);
  });

  it("has no entry for a route that does not exist", () => {
    const registered = new Set(registeredRoutes());
    expect(Object.keys(routeCases).filter((key) => !registered.has(key))).toEqual([]);
  });

  describe.each(Object.entries(routeCases))("%s", (key, routeCase) => {
    const method = key.split(" ")[0] ?? "GET";
    // Each persona whose call succeeds gets a world of its own, so one success
    // cannot change what the next persona sees.
    it.each(personas)("as %s", async (persona: Persona) => {
      const world = await buildSecurityWorld(api.deps.db);
      await routeCase.prepare?.(api, world);
      const cookie = await cookieFor(api, world, persona);
      const { path, body } = routeCase.request(world);
      const response = await call(api, method, path, { cookie, body });
      expect({
        status: response.status,
        body: response.status >= 400 ? response.json : "ok",
      }).toMatchObject({ status: routeCase.expect[persona] });
      if (response.status >= 400) expect(response.json?.error?.code).toBeTypeOf("string");
    });
  });
});
