import { auditEvents, auditSamples, episodes } from "@teamaround/db";
import { buildFamily, buildScenario, buildUser } from "@teamaround/db/testing";
import { quarterOf } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "../shared/dates";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildCaseAudit } from "./case-audit-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const path = "/api/manager/audit-samples";

/** The manager's service (school) holds the scenario's family and two more; one closed long ago. */
async function world() {
  const s = await buildScenario(api.deps.db);
  const second = await buildFamily(api.deps.db, { lead: s.users.lead, status: "plan_active" });
  const closedLongAgo = await buildFamily(api.deps.db, { lead: s.users.lead, status: "closed" });
  await api.deps.db
    .update(episodes)
    .set({
      status: "closed",
      openedAt: new Date("2020-01-10T10:00:00Z"),
      closedAt: new Date("2020-03-01T10:00:00Z"),
      closureReason: "outcomes_met",
    })
    .where(eq(episodes.familyId, closedLongAgo.id));
  const manager = await sessionCookieFor(api, s.users.manager.id);
  return { s, second, closedLongAgo, manager };
}

const samplesOf = (agencyId: string) =>
  api.deps.db.select().from(auditSamples).where(eq(auditSamples.agencyId, agencyId));

describe("POST /api/manager/audit-samples", () => {
  it("draws from the service's cases open in the quarter, once a quarter", async () => {
    const { s, second, manager } = await world();
    const res = await call(api, "POST", path, { cookie: manager, body: { size: 5 } });
    expect(res.status).toBe(201);
    const quarter = quarterOf(isoDay(api.clock.now));
    expect(res.json.data.quarter).toBe(quarter);
    // The other service's family and the case closed in 2020 are never drawn.
    expect(res.json.data.families.map((f: { familyId: string }) => f.familyId).sort()).toEqual(
      [s.family.id, second.id].sort(),
    );
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, s.users.manager.id),
          eq(auditEvents.event, "audit_sample.draw"),
        ),
      );
    expect(event?.details).toMatchObject({ quarter, size: 5 });

    const again = await call(api, "POST", path, { cookie: manager, body: { size: 1 } });
    expect(again.status).toBe(409);
    expect(await samplesOf(s.agencies.school.id)).toHaveLength(1);
  });

  it("draws no more than the size asked for, and a past quarter's cases", async () => {
    const { s, closedLongAgo, manager } = await world();
    const res = await call(api, "POST", path, { cookie: manager, body: { size: 1 } });
    expect(res.json.data.families).toHaveLength(1);
    const past = await call(api, "POST", path, {
      cookie: manager,
      body: { quarter: "2020-Q1", size: 3 },
    });
    expect(past.status).toBe(201);
    expect(past.json.data.families.map((f: { familyId: string }) => f.familyId)).toEqual([
      closedLongAgo.id,
    ]);
    expect(await samplesOf(s.agencies.school.id)).toHaveLength(2);
  });

  it.each([
    ["a size of 0", { size: 0 }, 400],
    ["a size over 50", { size: 51 }, 400],
    ["no size", {}, 400],
    ["a malformed quarter", { quarter: "2026-Q5", size: 3 }, 400],
    ["an unknown field", { size: 3, agencyId: "x" }, 400],
    ["a quarter to come", { quarter: "2099-Q1", size: 3 }, 422],
    ["a quarter with no open cases", { quarter: "2019-Q2", size: 3 }, 422],
  ])("refuses %s and draws nothing", async (_what, body, status) => {
    const { s, manager } = await world();
    expect((await call(api, "POST", path, { cookie: manager, body })).status).toBe(status);
    expect(await samplesOf(s.agencies.school.id)).toEqual([]);
  });

  it("refuses practitioners, and managers who work for no agency (403)", async () => {
    const { s } = await world();
    const lead = await sessionCookieFor(api, s.users.lead.id);
    expect((await call(api, "POST", path, { cookie: lead, body: { size: 3 } })).status).toBe(403);
    const adrift = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: null,
    });
    const cookie = await sessionCookieFor(api, adrift.id);
    expect((await call(api, "POST", path, { cookie, body: { size: 3 } })).status).toBe(403);
  });
});

describe("GET /api/manager/audit-samples", () => {
  it("lists the service's samples with each family's audit status", async () => {
    const { s, manager } = await world();
    const drawn = await call(api, "POST", path, { cookie: manager, body: { size: 5 } });
    expect(drawn.status).toBe(201);
    const audited = await call(api, "POST", `/api/families/${s.family.id}/case-audits`, {
      cookie: manager,
      body: {
        grade: "good",
        areas: [
          "voice_of_the_child",
          "assessment_quality",
          "plan_quality",
          "multi_agency_working",
          "management_oversight",
          "impact_and_outcomes",
        ].map((area) => ({ area, grade: "good", comment: "Sound." })),
        feedback: "Well done.",
      },
    });
    expect(audited.json.data.fromSample).toBe(true);
    // An audit made outside any sample (another service's) is not counted.
    await buildCaseAudit(api.deps.db, {
      familyId: s.otherFamily.id,
      auditorId: s.users.manager.id,
      practitionerId: null,
    });
    const res = await call(api, "GET", path, { cookie: manager });
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    const families = res.json.data[0].families;
    expect(families).toContainEqual(
      expect.objectContaining({
        familyId: s.family.id,
        displayName: s.family.displayName,
        audit: {
          id: audited.json.data.id,
          grade: "good",
          auditedOn: expect.any(String),
          acknowledged: false,
        },
      }),
    );
    expect(families.filter((f: { audit: unknown }) => f.audit === null)).toHaveLength(1);
  });

  it("shows a manager only their own service's samples", async () => {
    const { manager } = await world();
    await call(api, "POST", path, { cookie: manager, body: { size: 5 } });
    const other = await world();
    const res = await call(api, "GET", path, { cookie: other.manager });
    expect(res.json.data).toEqual([]);
  });
});
