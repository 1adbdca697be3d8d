import { auditEvents } from "@teamaround/db";
import { buildAgency, buildAuthority, buildScenario, buildUser } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const db = () => api.deps.db;
const path = "/api/directory/practitioners";

async function world() {
  const s = await buildScenario(db());
  const a = s.authority.id;
  const health = s.agencies.health.id;
  const nurse = await buildUser(db(), {
    authorityId: a,
    role: "practitioner",
    agencyId: health,
    displayName: "Priya Okafor",
    email: `priya.okafor.${s.family.id}@nhs.example.test`,
    jobTitle: "School nurse",
  });
  // Same name, but not someone who can be found: deactivated, another authority, not staff.
  await buildUser(db(), {
    authorityId: a,
    role: "practitioner",
    agencyId: health,
    displayName: "Priya Gone",
    status: "deactivated",
  });
  const elsewhere = await buildAuthority(db());
  const elsewhereAgency = await buildAgency(db(), { authorityId: elsewhere.id });
  await buildUser(db(), {
    authorityId: elsewhere.id,
    role: "practitioner",
    agencyId: elsewhereAgency.id,
    displayName: "Priya Elsewhere",
  });
  await buildUser(db(), {
    authorityId: a,
    role: "administrator",
    agencyId: health,
    displayName: "Priya Admin",
  });
  const lead = await sessionCookieFor(api, s.users.lead.id);
  return { s, nurse, lead };
}

describe("GET /api/directory/practitioners", () => {
  it("finds active staff of the caller's authority by name, with agency and no case data", async () => {
    const { s, nurse, lead } = await world();
    const res = await call(api, "GET", `${path}?q=priya`, { cookie: lead });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      {
        id: nurse.id,
        displayName: "Priya Okafor",
        jobTitle: "School nurse",
        agency: { id: s.agencies.health.id, name: s.agencies.health.name, type: "health" },
      },
    ]);
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "directory.search"), eq(auditEvents.actorId, s.users.lead.id)),
      );
    expect(audit).toHaveLength(1);
  });

  it("finds by part of an email address, and filters by agency", async () => {
    const { s, nurse, lead } = await world();
    const byEmail = await call(api, "GET", `${path}?q=${encodeURIComponent("okafor.")}`, {
      cookie: lead,
    });
    expect(byEmail.json.data.map((p: { id: string }) => p.id)).toEqual([nurse.id]);
    const bySchool = await call(api, "GET", `${path}?agencyId=${s.agencies.school.id}`, {
      cookie: await sessionCookieFor(api, s.users.administrator.id),
    });
    expect(bySchool.status).toBe(200);
    const ids = bySchool.json.data.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual([s.users.lead.id, s.users.manager.id].sort());
  });

  it("treats % and _ as ordinary characters", async () => {
    const { lead } = await world();
    const res = await call(api, "GET", `${path}?q=${encodeURIComponent("%_")}`, { cookie: lead });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([]);
  });

  it("returns at most 20 people", async () => {
    const { s, lead } = await world();
    for (let i = 0; i < 22; i++) {
      await buildUser(db(), {
        authorityId: s.authority.id,
        role: "practitioner",
        agencyId: s.agencies.housing.id,
        displayName: `Housing officer ${i}`,
      });
    }
    const res = await call(api, "GET", `${path}?q=housing officer`, { cookie: lead });
    expect(res.json.data).toHaveLength(20);
  });

  it("refuses a one-letter search (400) and family members (403)", async () => {
    const { s, lead } = await world();
    const short = await call(api, "GET", `${path}?q=p`, { cookie: lead });
    expect(short.status).toBe(400);
    expect(short.json.error.details).toEqual([{ path: "q", message: expect.any(String) }]);
    const family = await call(api, "GET", `${path}?q=priya`, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(family.status).toBe(403);
  });
});
