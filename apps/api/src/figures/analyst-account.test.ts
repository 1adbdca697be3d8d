import { users } from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
let s: Scenario;

beforeAll(async () => {
  api = await startTestApi();
  s = await buildScenario(api.deps.db);
});
afterAll(() => api.close());

describe("the partnership analyst's account", () => {
  it("is created by an administrator with no agency, and sees the figures and nothing of a family", async () => {
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const email = `analyst.${s.family.id}@example.test`;
    const created = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: { email, displayName: "Ali Analyst", role: "partnership_analyst" },
    });
    expect(created.status).toBe(201);
    const [analyst] = await api.deps.db.select().from(users).where(eq(users.email, email));
    expect(analyst?.role).toBe("partnership_analyst");
    expect(analyst?.agencyId).toBeNull();

    // As if the analyst had set their password from the invitation.
    await api.deps.db.update(users).set({ status: "active" }).where(eq(users.email, email));
    const cookie = await sessionCookieFor(api, analyst?.id ?? "");
    const me = await call(api, "GET", "/api/me", { cookie });
    expect(me.json.abilities.figures).toEqual({ read: true });
    expect(me.json.abilities.family).toEqual({ create: false, list_mine: false });
    expect((await call(api, "GET", "/api/figures", { cookie })).status).toBe(200);
    expect((await call(api, "GET", "/api/families", { cookie })).status).toBe(403);
    expect((await call(api, "GET", `/api/families/${s.family.id}`, { cookie })).status).toBe(404);
    expect((await call(api, "GET", "/api/help-requests", { cookie })).status).toBe(403);
  });
});
