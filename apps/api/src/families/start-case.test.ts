import { families } from "@teamaround/db";
import { buildScenario, buildUser } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const body = { displayName: "The Agency family", levelOfNeed: 2 };

describe("POST /api/families: who may start a case", () => {
  it("lets a practitioner start a case owned by their agency", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const res = await call(api, "POST", "/api/families", { cookie, body });
    expect(res.status).toBe(201);
    const [row] = await api.deps.db
      .select()
      .from(families)
      .where(eq(families.id, res.json.data.id));
    expect(row?.owningAgencyId).toBe(s.agencies.school.id);
  });

  it("refuses a practitioner who works for no agency, and saves nothing", async () => {
    const s = await buildScenario(api.deps.db);
    const stray = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "practitioner",
      agencyId: null,
    });
    const cookie = await sessionCookieFor(api, stray.id);
    const res = await call(api, "POST", "/api/families", { cookie, body });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      error: { code: "forbidden", message: "Only staff of an agency may do this." },
    });
    expect(
      await api.deps.db.select().from(families).where(eq(families.createdBy, stray.id)),
    ).toEqual([]);
  });
});
