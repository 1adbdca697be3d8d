import { actionProgressNotes, auditEvents, outcomes } from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAction, buildOutcome, dayOffset } from "./plan-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterEach(() => {
  api.clock.now = new Date();
});
afterAll(() => api.close());

async function planWorld() {
  const s = await buildScenario(api.deps.db);
  const db = api.deps.db;
  const lead = s.users.lead.id;
  const outcome = await buildOutcome(db, { familyId: s.family.id, createdBy: lead });
  const parentAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: outcome.id,
    createdBy: lead,
    dueDate: dayOffset(api.clock.now, 3),
    owners: [{ memberId: s.members.parent.id }],
  });
  const staffAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: outcome.id,
    createdBy: lead,
    dueDate: dayOffset(api.clock.now, 10),
    owners: [{ userId: s.users.teamMember.id }],
  });
  return { s, outcome, parentAction, staffAction };
}

const outcomesPath = (s: Scenario) => `/api/families/${s.family.id}/outcomes`;

describe("GET /api/families/{familyId}/outcomes", () => {
  it("returns outcomes with actions, owners, progress newest first, and audits the read", async () => {
    const { s, outcome, parentAction, staffAction } = await planWorld();
    const db = api.deps.db;
    const note = { familyId: s.family.id, actionId: parentAction.id, authorId: s.users.lead.id };
    await db.insert(actionProgressNotes).values({ ...note, note: "first", createdAt: new Date(1) });
    await db.insert(actionProgressNotes).values({ ...note, note: "second" });

    const res = await call(api, "GET", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    const plan = res.json.data[0];
    expect(plan).toMatchObject({ id: outcome.id, area: "education", version: 1 });
    expect(plan.actions.map((a: { id: string }) => a.id)).toEqual([
      parentAction.id,
      staffAction.id,
    ]);
    const [mine, theirs] = plan.actions;
    expect(mine.owners).toEqual([
      { kind: "family_member", memberId: s.members.parent.id, name: expect.any(String) },
    ]);
    expect(theirs.owners).toEqual([
      {
        kind: "practitioner",
        userId: s.users.teamMember.id,
        name: s.users.teamMember.displayName,
        agencyName: s.agencies.health.name,
      },
    ]);
    expect(mine.progress.map((n: { note: string }) => n.note)).toEqual(["second", "first"]);
    expect(mine.progress[0].authorName).toBe(s.users.lead.displayName);
    expect(res.json.abilities.outcome.create).toBe(true);

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "plan.read")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(s.users.teamMember.id);
  });

  it("tells a family member they may update only their own actions", async () => {
    const { s } = await planWorld();
    const res = await call(api, "GET", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    const [mine, theirs] = res.json.data[0].actions;
    expect(mine).toMatchObject({ canUpdate: true, canAddProgress: true });
    expect(theirs).toMatchObject({ canUpdate: false, canAddProgress: false });
  });

  it("gives a service manager read-only actions", async () => {
    const { s } = await planWorld();
    const res = await call(api, "GET", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.manager.id),
    });
    expect(res.status).toBe(200);
    for (const action of res.json.data[0].actions) {
      expect(action).toMatchObject({ canUpdate: false, canAddProgress: false });
    }
  });

  it("flags open actions past their due date as overdue, by the service's clock", async () => {
    const { s } = await planWorld();
    api.clock.now = new Date(api.clock.now.getTime() + 5 * 86_400_000);
    const res = await call(api, "GET", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    const [due3, due10] = res.json.data[0].actions;
    expect(due3.overdue).toBe(true);
    expect(due10.overdue).toBe(false);
  });

  it("answers 404 to a practitioner outside the team", async () => {
    const { s } = await planWorld();
    const res = await call(api, "GET", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.outsider.id),
    });
    expect(res.status).toBe(404);
  });
});

describe("POST /api/families/{familyId}/outcomes", () => {
  const body = (targetDate: string) => ({
    area: "housing",
    title: "The flat is free of damp",
    measure: "Landlord repairs signed off",
    targetDate,
  });

  it("creates an outcome and audits it", async () => {
    const s = await buildScenario(api.deps.db);
    const res = await call(api, "POST", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: body(dayOffset(api.clock.now, 30)),
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ area: "housing", status: "active", version: 1 });
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "outcome.create")));
    expect(audit[0]?.resourceId).toBe(res.json.data.id);
  });

  it("accepts today as the target date and refuses yesterday with 422 naming targetDate", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const today = await call(api, "POST", outcomesPath(s), {
      cookie,
      body: body(dayOffset(api.clock.now, 0)),
    });
    expect(today.status).toBe(201);
    const past = await call(api, "POST", outcomesPath(s), {
      cookie,
      body: body(dayOffset(api.clock.now, -1)),
    });
    expect(past.status).toBe(422);
    expect(past.json.error.details).toEqual([{ path: "targetDate", message: expect.any(String) }]);
    const rows = await api.deps.db
      .select()
      .from(outcomes)
      .where(eq(outcomes.familyId, s.family.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses unknown fields and a family member", async () => {
    const s = await buildScenario(api.deps.db);
    const extra = await call(api, "POST", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { ...body(dayOffset(api.clock.now, 30)), status: "achieved" },
    });
    expect(extra.status).toBe(400);
    const parent = await call(api, "POST", outcomesPath(s), {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
      body: body(dayOffset(api.clock.now, 30)),
    });
    expect(parent.status).toBe(403);
  });
});

describe("PATCH /api/families/{familyId}/outcomes/{outcomeId}", () => {
  it("changes the outcome and bumps its version", async () => {
    const { s, outcome } = await planWorld();
    const res = await call(api, "PATCH", `${outcomesPath(s)}/${outcome.id}`, {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: { version: 1, status: "achieved", title: "Robin goes to school" },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      status: "achieved",
      title: "Robin goes to school",
      version: 2,
    });
  });

  it("answers a stale version with 409 and the current version, changing nothing", async () => {
    const { s, outcome } = await planWorld();
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const path = `${outcomesPath(s)}/${outcome.id}`;
    expect(
      (await call(api, "PATCH", path, { cookie, body: { version: 1, title: "A" } })).status,
    ).toBe(200);
    const stale = await call(api, "PATCH", path, { cookie, body: { version: 1, title: "B" } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "stale_version",
      details: { currentVersion: 2 },
    });
    const [row] = await api.deps.db.select().from(outcomes).where(eq(outcomes.id, outcome.id));
    expect(row).toMatchObject({ title: "A", version: 2 });
  });

  it("refuses a past target date with 422", async () => {
    const { s, outcome } = await planWorld();
    const res = await call(api, "PATCH", `${outcomesPath(s)}/${outcome.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { version: 1, targetDate: dayOffset(api.clock.now, -1) },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("targetDate");
  });

  it("answers 404 for an outcome of another family", async () => {
    const { s } = await planWorld();
    const other = await buildOutcome(api.deps.db, {
      familyId: s.otherFamily.id,
      createdBy: s.users.otherLead.id,
    });
    const res = await call(api, "PATCH", `${outcomesPath(s)}/${other.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { version: 1, title: "Taken over" },
    });
    expect(res.status).toBe(404);
    const [row] = await api.deps.db.select().from(outcomes).where(eq(outcomes.id, other.id));
    expect(row?.version).toBe(1);
  });
});
