import { agencies, auditEvents, consents } from "@teamaround/db";
import {
  buildAgency,
  buildAuthority,
  buildConsent,
  buildMember,
  buildScenario,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isoDay } from "../shared/dates";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
beforeEach(() => {
  // Factories stamp rows with the real time; keep the API's clock in step.
  api.clock.now = new Date();
});
afterAll(() => api.close());

const day = 86_400_000;
const daysFromNow = (days: number) => isoDay(new Date(api.clock.now.getTime() + days * day));
const hoursAgo = (hours: number) => new Date(api.clock.now.getTime() - hours * 3_600_000);

async function world() {
  const s = await buildScenario(api.deps.db);
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const path = `/api/families/${s.family.id}/consents`;
  return { s, lead, path };
}
type World = Awaited<ReturnType<typeof world>>;

const auditFor = (event: string, familyId: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

const consentsOf = (familyId: string) =>
  api.deps.db.select().from(consents).where(eq(consents.familyId, familyId));

function consentBody(s: World["s"], overrides: Record<string, unknown> = {}) {
  return {
    givenByMemberId: s.members.parent.id,
    decision: "given",
    coversMemberIds: [s.members.parent.id, s.members.child.id],
    agencyIds: [s.agencies.housing.id],
    informationKinds: ["housing", "family_circumstances"],
    method: "in_person",
    obtainedAt: hoursAgo(2).toISOString(),
    ...overrides,
  };
}

describe("GET /api/families/{familyId}/consents", () => {
  it("shows the family their consents with state, names and whether they may withdraw, and audits", async () => {
    const { s, path } = await world();
    await buildConsent(api.deps.db, {
      familyId: s.family.id,
      givenByMemberId: s.members.parent.id,
      agencyIds: [s.agencies.school.id],
      obtainedBy: s.users.lead.id,
      obtainedAt: new Date(Date.now() - 400 * day),
      reviewDate: daysFromNow(-30),
    });
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(2);
    const [newest, older] = res.json.data;
    expect(newest).toMatchObject({
      id: s.consent.id,
      state: "active",
      decision: "given",
      givenBy: { id: s.members.parent.id },
      agencies: [
        { id: s.agencies.school.id, name: s.agencies.school.name },
        { id: s.agencies.health.id, name: s.agencies.health.name },
      ],
      obtainedBy: { id: s.users.lead.id, name: s.users.lead.displayName },
      withdrawal: null,
      withdrawalNotices: [],
      canWithdraw: true,
    });
    expect(newest.covers.map((m: { id: string }) => m.id)).toEqual([
      s.members.parent.id,
      s.members.child.id,
    ]);
    expect(older.state).toBe("review_due");
    expect(res.json.abilities.consent).toEqual({ read: true, record: true, withdraw: true });
    expect(await auditFor("consent.list", s.family.id)).toHaveLength(1);
  });

  it("tells the manager they may not withdraw", async () => {
    const { s, path } = await world();
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data[0].canWithdraw).toBe(false);
  });
});

describe("POST /api/families/{familyId}/consents", () => {
  it("records consent obtained by a practitioner, defaulting the review to a year on, and audits", async () => {
    const { s, lead, path } = await world();
    const obtainedAt = hoursAgo(2);
    const res = await call(api, "POST", path, { cookie: lead, body: consentBody(s) });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      state: "active",
      method: "in_person",
      obtainedBy: { id: s.users.lead.id },
      agencies: [{ id: s.agencies.housing.id, name: s.agencies.housing.name }],
      informationKinds: ["housing", "family_circumstances"],
      withheld: null,
    });
    const nextYear = new Date(obtainedAt);
    nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
    expect(res.json.data.reviewDate).toBe(isoDay(nextYear));
    const audit = await auditFor("consent.record", s.family.id);
    expect(audit.map((a) => a.resourceId)).toEqual([res.json.data.id]);
  });

  it("records a refusal with what was withheld", async () => {
    const { s, lead, path } = await world();
    const body = consentBody(s, { decision: "refused", withheld: "Anything about Dad" });
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ state: "refused", canWithdraw: false });
  });

  it("lets a parent record their own consent online, as themselves", async () => {
    const { s, path } = await world();
    const cookie = await sessionCookieFor(api, s.users.parentUser.id);
    const res = await call(api, "POST", path, {
      cookie,
      body: consentBody(s, { method: "online" }),
    });
    expect(res.status).toBe(201);
    expect(res.json.data.obtainedBy).toEqual({
      id: s.users.parentUser.id,
      name: s.users.parentUser.displayName,
    });
  });

  it.each([
    ["for someone else", { method: "online" }, true],
    ["other than online", { method: "phone" }, false],
  ])("refuses a parent recording consent %s (403)", async (_label, overrides, otherGiver) => {
    const { s, path } = await world();
    const father = await buildMember(api.deps.db, {
      familyId: s.family.id,
      parentalResponsibility: true,
    });
    const giver = otherGiver ? { givenByMemberId: father.id, coversMemberIds: [father.id] } : {};
    const res = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
      body: consentBody(s, { ...overrides, ...giver }),
    });
    expect(res.status).toBe(403);
  });

  it("refuses consent covering someone not in the family, and writes nothing", async () => {
    const { s, lead, path } = await world();
    const before = await consentsOf(s.family.id);
    const body = consentBody(s, { coversMemberIds: [s.members.parent.id, s.otherParent.id] });
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([
      { path: "coversMemberIds", message: "not a member of this family" },
    ]);
    expect(await consentsOf(s.family.id)).toHaveLength(before.length);
    expect(await auditFor("consent.record", s.family.id)).toHaveLength(0);
  });

  it("refuses a giver from another family as not a member of this family", async () => {
    const { s, lead, path } = await world();
    const body = consentBody(s, { givenByMemberId: s.otherParent.id });
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toContainEqual({
      path: "givenByMemberId",
      message: "not a member of this family",
    });
  });

  it("lets a young person judged competent consent for themselves only", async () => {
    const { s, lead, path } = await world();
    const teen = await buildMember(api.deps.db, {
      familyId: s.family.id,
      kind: "child",
      dateOfBirth: daysFromNow(-14 * 365),
      judgedCompetent: true,
    });
    const own = consentBody(s, { givenByMemberId: teen.id, coversMemberIds: [teen.id] });
    expect((await call(api, "POST", path, { cookie: lead, body: own })).status).toBe(201);
    const forMum = { ...own, coversMemberIds: [teen.id, s.members.parent.id] };
    const res = await call(api, "POST", path, { cookie: lead, body: forMum });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("coversMemberIds");
  });

  it("lets a 16-year-old consent without a competence judgement", async () => {
    const { s, lead, path } = await world();
    const teen = await buildMember(api.deps.db, {
      familyId: s.family.id,
      kind: "child",
      dateOfBirth: daysFromNow(-(16 * 365 + 10)),
    });
    const body = consentBody(s, { givenByMemberId: teen.id, coversMemberIds: [teen.id] });
    expect((await call(api, "POST", path, { cookie: lead, body })).status).toBe(201);
  });

  it.each([
    ["a child under 16 not judged competent", "child"],
    ["an adult without parental responsibility", "adult"],
  ] as const)("refuses consent from %s", async (_label, kind) => {
    const { s, lead, path } = await world();
    const giver =
      kind === "child"
        ? s.members.child
        : await buildMember(api.deps.db, { familyId: s.family.id, relationship: "uncle" });
    const body = consentBody(s, { givenByMemberId: giver.id, coversMemberIds: [giver.id] });
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("givenByMemberId");
  });

  it("refuses an adult's consent covering another adult", async () => {
    const { s, lead, path } = await world();
    const grandad = await buildMember(api.deps.db, { familyId: s.family.id });
    const body = consentBody(s, { coversMemberIds: [s.members.parent.id, grandad.id] });
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("coversMemberIds");
  });

  it.each([
    ["a review date in the past", "reviewDate", () => ({ reviewDate: daysFromNow(-1) })],
    [
      "obtained in the future",
      "obtainedAt",
      () => ({ obtainedAt: new Date(api.clock.now.getTime() + day).toISOString() }),
    ],
  ])("refuses %s with 422 naming the field", async (_label, field, overrides) => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, { cookie: lead, body: consentBody(s, overrides()) });
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
  });

  it("refuses an agency of another authority, or an inactive one", async () => {
    const { s, lead, path } = await world();
    const elsewhere = await buildAgency(api.deps.db, {
      authorityId: (await buildAuthority(api.deps.db)).id,
    });
    const closed = await buildAgency(api.deps.db, { authorityId: s.authority.id });
    await api.deps.db.update(agencies).set({ active: false }).where(eq(agencies.id, closed.id));
    for (const agency of [elsewhere, closed]) {
      const body = consentBody(s, { agencyIds: [s.agencies.school.id, agency.id] });
      const res = await call(api, "POST", path, { cookie: lead, body });
      expect(res.status).toBe(422);
      expect(res.json.error.details).toEqual([{ path: "agencyIds", message: expect.any(String) }]);
    }
  });

  it("refuses an unknown field with 400", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { ...consentBody(s), signedBy: "someone" },
    });
    expect(res.status).toBe(400);
  });
});
