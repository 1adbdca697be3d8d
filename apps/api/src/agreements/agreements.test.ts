import { agreements, auditEvents, families } from "@teamaround/db";
import { buildMember, buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "../shared/dates";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const db = () => api.deps.db;
const yearsAgo = (years: number) => {
  const d = new Date(api.clock.now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return isoDay(d);
};
const yesterday = () => isoDay(new Date(api.clock.now.getTime() - 86_400_000));

async function world() {
  const s = await buildScenario(db());
  await db()
    .update(families)
    .set({ status: "assessment_started" })
    .where(eq(families.id, s.family.id));
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const path = `/api/families/${s.family.id}/agreements`;
  return { s, lead, path };
}

const agreementsOf = (familyId: string) =>
  db().select().from(agreements).where(eq(agreements.familyId, familyId));

const auditFor = (event: string, familyId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

describe("POST /api/families/{familyId}/agreements", () => {
  it("records a parent's agreement without changing the family's status", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: {
        memberId: s.members.parent.id,
        agreed: true,
        agreedAt: yesterday(),
        note: "At home visit",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      memberId: s.members.parent.id,
      agreed: true,
      agreedAt: `${yesterday()}T00:00:00.000Z`,
      note: "At home visit",
      recordedBy: { id: s.users.lead.id, displayName: s.users.lead.displayName },
    });
    const [family] = await db().select().from(families).where(eq(families.id, s.family.id));
    expect(family?.status).toBe("assessment_started");
    expect(await auditFor("agreement.record", s.family.id)).toHaveLength(1);
  });

  it("records a decline, from a team member, with a date-time", async () => {
    const { s, path } = await world();
    const at = new Date(api.clock.now.getTime() - 60_000).toISOString();
    const res = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: { memberId: s.members.parent.id, agreed: false, agreedAt: at },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ agreed: false, agreedAt: at, note: null });
  });

  it.each([
    ["a young person of 16", { kind: "child" as const, years: 16, judgedCompetent: false }],
    ["a competent 14-year-old", { kind: "child" as const, years: 14, judgedCompetent: true }],
  ])("accepts %s", async (_label, who) => {
    const { s, lead, path } = await world();
    const member = await buildMember(db(), {
      familyId: s.family.id,
      kind: who.kind,
      dateOfBirth: yearsAgo(who.years),
      judgedCompetent: who.judgedCompetent,
    });
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { memberId: member.id, agreed: true, agreedAt: yesterday() },
    });
    expect(res.status).toBe(201);
  });

  it.each([
    [
      "a 10-year-old not judged competent",
      () => ({ kind: "child" as const, dateOfBirth: yearsAgo(10) }),
    ],
    ["an adult without parental responsibility", () => ({ relationship: "uncle" })],
  ])("refuses %s with 422 naming memberId", async (_label, shape) => {
    const { s, lead, path } = await world();
    const member = await buildMember(db(), { familyId: s.family.id, ...shape() });
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { memberId: member.id, agreed: true, agreedAt: yesterday() },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "memberId", message: expect.any(String) }]);
    expect(await agreementsOf(s.family.id)).toHaveLength(0);
  });

  it("refuses a member of another family with 422 naming memberId", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { memberId: s.otherParent.id, agreed: true, agreedAt: yesterday() },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "memberId", message: expect.any(String) }]);
  });

  it.each([
    ["tomorrow", () => isoDay(new Date(api.clock.now.getTime() + 86_400_000))],
    ["in an hour", () => new Date(api.clock.now.getTime() + 3_600_000).toISOString()],
  ])("refuses an agreement dated %s with 422 naming agreedAt", async (_label, when) => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { memberId: s.members.parent.id, agreed: true, agreedAt: when() },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "agreedAt", message: expect.any(String) }]);
    expect(await agreementsOf(s.family.id)).toHaveLength(0);
  });

  it("refuses an unknown field (400) and the family recording it (403)", async () => {
    const { s, lead, path } = await world();
    const body = { memberId: s.members.parent.id, agreed: true, agreedAt: yesterday() };
    const unknown = await call(api, "POST", path, { cookie: lead, body: { ...body, status: "x" } });
    expect(unknown.status).toBe(400);
    const asFamily = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
      body,
    });
    expect(asFamily.status).toBe(403);
  });
});

describe("GET /api/families/{familyId}/agreements", () => {
  it("shows the family the records, newest first, and audits the read", async () => {
    const { s, lead, path } = await world();
    for (const [agreed, agreedAt] of [
      [false, "2026-01-01"],
      [true, yesterday()],
    ] as const) {
      await call(api, "POST", path, {
        cookie: lead,
        body: { memberId: s.members.parent.id, agreed, agreedAt },
      });
    }
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.map((a: { agreed: boolean }) => a.agreed)).toEqual([true, false]);
    expect(res.json.abilities.agreement).toEqual({ read: true, record: false });
    expect(await auditFor("agreement.list", s.family.id)).toHaveLength(1);
  });

  it("answers 404 to an outsider", async () => {
    const { s, path } = await world();
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.outsider.id),
    });
    expect(res.status).toBe(404);
  });
});
