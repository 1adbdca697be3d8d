import { auditEvents } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const auditPath = (familyId: string) => `/api/families/${familyId}/audit`;

async function readPlan(familyId: string, userId: string) {
  const res = await call(api, "GET", `/api/families/${familyId}/outcomes`, {
    cookie: await sessionCookieFor(api, userId),
  });
  expect(res.status).toBe(200);
}

describe("GET /api/families/{familyId}/audit", () => {
  it("lists this family's events only, newest first, including its own read", async () => {
    const s = await buildScenario(api.deps.db);
    await readPlan(s.family.id, s.users.teamMember.id);
    await readPlan(s.family.id, s.users.parentUser.id);
    await readPlan(s.otherFamily.id, s.users.otherLead.id);

    const res = await call(api, "GET", auditPath(s.family.id), {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    expect(res.status).toBe(200);
    const events = res.json.data as { id: number; event: string; actorName: string }[];
    expect(events.map((e) => e.event)).toEqual(["audit.read", "plan.read", "plan.read"]);
    expect(res.json.data[0]).toMatchObject({
      actorId: s.users.lead.id,
      actorName: s.users.lead.displayName,
      actorRole: "practitioner",
      resourceType: "audit_log",
      at: expect.any(String),
    });
    expect(res.json.data[1]).toMatchObject({
      actorName: s.users.parentUser.displayName,
      actorRole: "family_member",
    });
    const ids = events.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(res.json.nextBefore).toBeNull();
  });

  it("pages back with before and limit", async () => {
    const s = await buildScenario(api.deps.db);
    for (let i = 0; i < 3; i++) await readPlan(s.family.id, s.users.teamMember.id);
    const cookie = await sessionCookieFor(api, s.users.manager.id);
    const first = await call(api, "GET", `${auditPath(s.family.id)}?limit=2`, { cookie });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(2);
    expect(first.json.nextBefore).toBe(first.json.data[1].id);
    const second = await call(
      api,
      "GET",
      `${auditPath(s.family.id)}?limit=2&before=${first.json.nextBefore}`,
      { cookie },
    );
    expect(second.json.data.map((e: { event: string }) => e.event)).toEqual([
      "plan.read",
      "plan.read",
    ]);
    expect(second.json.data[0].id).toBeLessThan(first.json.nextBefore);
    const tooMany = await call(api, "GET", `${auditPath(s.family.id)}?limit=201`, { cookie });
    expect(tooMany.status).toBe(400);
  });

  it("refuses team members and family members (403), and answers 404 to outsiders", async () => {
    const s = await buildScenario(api.deps.db);
    const as = async (userId: string) =>
      (
        await call(api, "GET", auditPath(s.family.id), {
          cookie: await sessionCookieFor(api, userId),
        })
      ).status;
    expect(await as(s.users.teamMember.id)).toBe(403);
    expect(await as(s.users.parentUser.id)).toBe(403);
    expect(await as(s.users.outsider.id)).toBe(404);
    expect(await as(s.users.administrator.id)).toBe(404);
    const logged = await api.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id))
      .orderBy(auditEvents.id);
    // No read happened; each refusal is on the record (see families/audit-refusals.ts).
    expect(logged.map((e) => [e.event, e.actorId, e.details?.status])).toEqual([
      ["access.refused", s.users.teamMember.id, 403],
      ["access.refused", s.users.parentUser.id, 403],
      ["access.refused", s.users.outsider.id, 404],
      ["access.refused", s.users.administrator.id, 404],
    ]);
  });
});

describe("audit_events", () => {
  it("refuses UPDATE at the database", async () => {
    const s = await buildScenario(api.deps.db);
    await readPlan(s.family.id, s.users.lead.id);
    const [row] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id));
    const id = row?.id ?? 0;
    await expect(
      api.deps.db
        .update(auditEvents)
        .set({ event: "nothing.happened" })
        .where(eq(auditEvents.id, id)),
    ).rejects.toThrow();
    const [after] = await api.deps.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(after?.event).toBe("plan.read");
  });
});
