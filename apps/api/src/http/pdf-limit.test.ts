import { buildScenario } from "@teamaround/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor, startTestApi, type TestApi, testOrigin } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ config: { pdfsPerMinute: 2 } });
});
afterAll(() => api.close());

const get = (path: string, cookie: string) =>
  api.app.request(path, { headers: { origin: testOrigin, cookie } });

describe("the PDF limit", () => {
  it("answers 429 with Retry-After past the limit, for that person only and for PDFs only", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const plan = `/api/families/${s.family.id}/plan.pdf`;

    expect((await get(plan, lead)).status).toBe(200);
    expect((await get(plan, lead)).status).toBe(200);
    const refused = await get(plan, lead);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: {
        code: "too_many_requests",
        message: `You have asked for 2 PDFs in the last minute. Try again in ${retryAfter} seconds.`,
        details: { retryAfterSeconds: retryAfter },
      },
    });

    // Someone else, and the lead's other pages, are not held back.
    expect((await get(plan, parent)).status).toBe(200);
    expect((await get(`/api/families/${s.family.id}`, lead)).status).toBe(200);
  });
});
