import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const undocumented = new Set([
  "/api/openapi.json",
  "/api/docs",
  "/api/docs/assets/init.js",
  "/api/docs/assets/{file}",
]);

describe("API reference", () => {
  it("serves an OpenAPI 3.1 document that describes every route", async () => {
    const res = await call(api, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(res.json.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const registered = api.app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
      .filter((key) => !undocumented.has(key.split(" ")[1] ?? ""));
    expect(registered.filter((key) => !documented.has(key))).toEqual([]);
    expect(res.json.components.schemas.Error).toBeDefined();
  });

  it("serves the reference UI with its assets from this server, not a CDN", async () => {
    const page = await api.app.request("/api/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ["swagger-ui.css", "swagger-ui-bundle.js", "init.js"]) {
      const res = await api.app.request(`/api/docs/assets/${asset}`);
      expect(res.status, asset).toBe(200);
    }
    expect((await api.app.request("/api/docs/assets/../../package.json")).status).toBe(404);
    for (const name of ["constructor", "__proto__", "toString"]) {
      expect((await api.app.request(`/api/docs/assets/${name}`)).status, name).toBe(404);
    }
  });
});
