import { auditEvents, familyMembers } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "../shared/dates";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const daysFromNow = (days: number) => isoDay(new Date(api.clock.now.getTime() + days * 86_400_000));

async function world() {
  const s = await buildScenario(api.deps.db);
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const path = `/api/families/${s.family.id}/members`;
  return { s, lead, path };
}

const auditFor = (event: string, familyId: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

const membersOf = (familyId: string) =>
  api.deps.db.select().from(familyMembers).where(eq(familyMembers.familyId, familyId));

describe("GET /api/families/{familyId}/members", () => {
  it("shows the family their own members, with who has a portal account, and audits the read", async () => {
    const { s, path } = await world();
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.data.map((m: { id: string }) => [m.id, m]));
    expect(byId[s.members.child.id]).toMatchObject({
      kind: "child",
      dateOfBirth: "2015-03-02",
      school: "Test Primary",
      hasPortalAccount: false,
      needs: [],
    });
    expect(byId[s.members.parent.id]).toMatchObject({
      kind: "adult",
      relationship: "mother",
      parentalResponsibility: true,
      hasPortalAccount: true,
    });
    expect(res.json.data[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(res.json.abilities.member).toEqual({
      read: true,
      create: false,
      update: false,
      read_equality: true,
    });
    expect(await auditFor("member.list", s.family.id)).toHaveLength(1);
  });

  it("answers 404 to another family's member", async () => {
    const { s, path } = await world();
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.otherParentUser.id),
    });
    expect(res.status).toBe(404);
  });
});

describe("POST /api/families/{familyId}/members", () => {
  it("adds a child with needs and audits it", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: {
        kind: "child",
        givenName: "Kit",
        familyName: "Ashdown",
        dateOfBirth: "2020-06-01",
        needs: ["early_years", "health"],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      kind: "child",
      dateOfBirth: "2020-06-01",
      needs: ["early_years", "health"],
      parentalResponsibility: false,
      version: 1,
    });
    const audit = await auditFor("member.create", s.family.id);
    expect(audit.map((a) => a.resourceId)).toEqual([res.json.data.id]);
  });

  it("adds an adult with parental responsibility", async () => {
    const { lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: {
        kind: "adult",
        givenName: "Jo",
        familyName: "Ashdown",
        relationship: "father",
        parentalResponsibility: true,
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ relationship: "father", parentalResponsibility: true });
  });

  it("refuses a child born in the future with 422 naming the field, and adds nothing", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { kind: "child", givenName: "Kit", familyName: "A", dateOfBirth: daysFromNow(1) },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "dateOfBirth", message: expect.any(String) }]);
    expect(await membersOf(s.family.id)).toHaveLength(2);
  });

  it.each([
    [
      "a child without a date of birth",
      { kind: "child", givenName: "K", familyName: "A" },
      "dateOfBirth",
    ],
    [
      "an adult without a relationship",
      { kind: "adult", givenName: "J", familyName: "A" },
      "relationship",
    ],
    [
      "a need outside the vocabulary",
      { kind: "adult", givenName: "J", familyName: "A", relationship: "aunt", needs: ["luck"] },
      "needs.0",
    ],
  ])("refuses %s with 400 naming the field", async (_label, body, field) => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toContainEqual({ path: field, message: expect.any(String) });
    expect(await membersOf(s.family.id)).toHaveLength(2);
  });

  it.each([
    ["parental responsibility on a child", { parentalResponsibility: true }],
    ["an unknown field", { favouriteColour: "blue" }],
  ])("refuses %s with 400", async (_label, extra) => {
    const { lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { kind: "child", givenName: "K", familyName: "A", dateOfBirth: "2019-01-01", ...extra },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
  });

  it("does not let the service manager add members (403)", async () => {
    const { s, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
      body: { kind: "child", givenName: "K", familyName: "A", dateOfBirth: "2019-01-01" },
    });
    expect(res.status).toBe(403);
  });
});

describe("PATCH /api/families/{familyId}/members/{memberId}", () => {
  it("changes a member, bumps the version and audits the fields changed", async () => {
    const { s, path } = await world();
    const res = await call(api, "PATCH", `${path}/${s.members.child.id}`, {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: { version: 1, school: "Hill Academy", needs: ["education"], judgedCompetent: true },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      school: "Hill Academy",
      needs: ["education"],
      judgedCompetent: true,
      version: 2,
    });
    const [audit] = await auditFor("member.update", s.family.id);
    expect(audit?.details).toEqual({ changed: ["school", "needs", "judgedCompetent"] });
  });

  it("answers a stale version with 409 and changes nothing", async () => {
    const { s, lead, path } = await world();
    const url = `${path}/${s.members.child.id}`;
    expect(
      (await call(api, "PATCH", url, { cookie: lead, body: { version: 1, school: "A" } })).status,
    ).toBe(200);
    const stale = await call(api, "PATCH", url, {
      cookie: lead,
      body: { version: 1, school: "B" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("stale_version");
    const [row] = await api.deps.db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.id, s.members.child.id));
    expect(row).toMatchObject({ school: "A", version: 2 });
  });

  it("answers 404 for a member of another family, and leaves it alone", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "PATCH", `${path}/${s.otherParent.id}`, {
      cookie: lead,
      body: { version: 1, givenName: "Hijacked" },
    });
    expect(res.status).toBe(404);
    const [row] = await api.deps.db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.id, s.otherParent.id));
    expect(row?.givenName).not.toBe("Hijacked");
  });

  it.each([
    [
      "parental responsibility on a child",
      { parentalResponsibility: true },
      "parentalResponsibility",
    ],
    ["removing a child's date of birth", { dateOfBirth: null }, "dateOfBirth"],
    [
      "a date of birth in the future",
      { dateOfBirth: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) },
      "dateOfBirth",
    ],
  ])("refuses %s with 422 naming the field", async (_label, change, field) => {
    const { s, lead, path } = await world();
    const res = await call(api, "PATCH", `${path}/${s.members.child.id}`, {
      cookie: lead,
      body: { version: 1, ...change },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: field, message: expect.any(String) }]);
  });

  it("records a school, college or setting for an adult too", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "PATCH", `${path}/${s.members.parent.id}`, {
      cookie: lead,
      body: { version: 1, school: "Night classes" },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.school).toBe("Night classes");
  });

  it("refuses an unknown field with 400", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "PATCH", `${path}/${s.members.child.id}`, {
      cookie: lead,
      body: { version: 1, userId: s.users.outsider.id },
    });
    expect(res.status).toBe(400);
  });
});
