import { auditEvents, lawfulBasisRecords, teamMemberships } from "@teamaround/db";
import { buildConsent, buildScenario, buildTeamMember } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
beforeEach(() => {
  api.clock.now = new Date();
});
afterAll(() => api.close());

const hoursAgo = (hours: number) => new Date(api.clock.now.getTime() - hours * 3_600_000);

async function world() {
  const s = await buildScenario(api.deps.db);
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const path = `/api/families/${s.family.id}/lawful-bases`;
  return { s, lead, path };
}
type World = Awaited<ReturnType<typeof world>>;

const auditFor = (event: string, familyId: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

const basesOf = (familyId: string) =>
  api.deps.db.select().from(lawfulBasisRecords).where(eq(lawfulBasisRecords.familyId, familyId));

function basisBody(s: World["s"], overrides: Record<string, unknown> = {}) {
  return {
    basis: "safeguarding_of_children",
    agencyIds: [s.agencies.housing.id],
    justification: "Conditions at home put the children at risk of harm",
    decidedAt: hoursAgo(1).toISOString(),
    familyTold: true,
    ...overrides,
  };
}

/** A lawful basis for housing, with the housing practitioner (the scenario's outsider) in the team on it. */
async function housingOnBasis(s: World["s"]) {
  const [basis] = await api.deps.db
    .insert(lawfulBasisRecords)
    .values({
      familyId: s.family.id,
      basis: "public_task",
      agencyIds: [s.agencies.housing.id],
      justification: "Repairs affecting the children's health",
      decidedBy: s.users.lead.id,
      decidedAt: hoursAgo(2),
      familyTold: true,
    })
    .returning();
  if (!basis) throw new Error("basis not inserted");
  await buildTeamMember(api.deps.db, {
    familyId: s.family.id,
    userId: s.users.outsider.id,
    lawfulBasisId: basis.id,
  });
  return basis;
}

const membershipOf = async (familyId: string, userId: string) => {
  const [row] = await api.deps.db
    .select()
    .from(teamMemberships)
    .where(and(eq(teamMemberships.familyId, familyId), eq(teamMemberships.userId, userId)));
  return row;
};

describe("POST /api/families/{familyId}/lawful-bases", () => {
  it("records the decision with the caller as decider, and audits", async () => {
    const { s, path } = await world();
    const cookie = await sessionCookieFor(api, s.users.teamMember.id);
    const body = basisBody(s, {
      familyTold: false,
      notToldReason: "prejudice_crime_investigation",
    });
    const res = await call(api, "POST", path, { cookie, body });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      basis: "safeguarding_of_children",
      state: "active",
      agencies: [{ id: s.agencies.housing.id, name: s.agencies.housing.name }],
      decidedBy: { id: s.users.teamMember.id, name: s.users.teamMember.displayName },
      familyTold: false,
      notToldReason: "prejudice_crime_investigation",
      endedAt: null,
    });
    const audit = await auditFor("lawful_basis.record", s.family.id);
    expect(audit.map((a) => a.resourceId)).toEqual([res.json.data.id]);
  });

  it.each([
    ["the family was not told and no reason is given", { familyTold: false }],
    ["the family was told yet a reason is given", { notToldReason: "risk_of_harm" }],
  ])("refuses with 422 when %s, and writes nothing", async (_label, overrides) => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, { cookie: lead, body: basisBody(s, overrides) });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([
      { path: "notToldReason", message: expect.any(String) },
    ]);
    expect(await basesOf(s.family.id)).toHaveLength(0);
  });

  it("refuses a decision dated in the future with 422", async () => {
    const { s, lead, path } = await world();
    const decidedAt = new Date(api.clock.now.getTime() + 86_400_000).toISOString();
    const res = await call(api, "POST", path, { cookie: lead, body: basisBody(s, { decidedAt }) });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("decidedAt");
  });

  it.each([
    ["a short justification", { justification: "Because" }],
    ["no agencies", { agencyIds: [] }],
    ["an unknown basis", { basis: "legitimate_interests" }],
    ["an unknown field", { approvedBy: "manager" }],
  ])("refuses %s with 400", async (_label, overrides) => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, { cookie: lead, body: basisBody(s, overrides) });
    expect(res.status).toBe(400);
  });

  it("refuses the family and the manager (403)", async () => {
    const { s, path } = await world();
    for (const user of [s.users.parentUser, s.users.manager]) {
      const cookie = await sessionCookieFor(api, user.id);
      expect((await call(api, "POST", path, { cookie, body: basisBody(s) })).status).toBe(403);
    }
  });
});

describe("GET /api/families/{familyId}/lawful-bases", () => {
  it("lists them for the manager and audits the read", async () => {
    const { s, path } = await world();
    const basis = await housingOnBasis(s);
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.map((b: { id: string }) => b.id)).toEqual([basis.id]);
    expect(res.json.abilities.lawful_basis).toEqual({ read: true, record: false, end: false });
    expect(await auditFor("lawful_basis.list", s.family.id)).toHaveLength(1);
  });

  it("does not show them to the family (403)", async () => {
    const { s, path } = await world();
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(403);
  });
});

describe("POST /api/families/{familyId}/lawful-bases/{lawfulBasisId}/end", () => {
  const end = (s: World["s"], id: string, cookie: string, body: unknown = { reason: "Resolved" }) =>
    call(api, "POST", `/api/families/${s.family.id}/lawful-bases/${id}/end`, { cookie, body });

  it("ends it and removes the member who rested on it, who then cannot see the family", async () => {
    const { s, lead } = await world();
    const basis = await housingOnBasis(s);
    const res = await end(s, basis.id, lead);
    expect(res.status).toBe(200);
    expect(res.json.data.lawfulBasis.state).toBe("ended");
    expect(res.json.data.removedTeamMembers).toEqual([
      {
        userId: s.users.outsider.id,
        name: s.users.outsider.displayName,
        agency: { id: s.agencies.housing.id, name: s.agencies.housing.name },
      },
    ]);
    expect(await membershipOf(s.family.id, s.users.outsider.id)).toMatchObject({
      removedReason: "Lawful basis ended",
    });
    const asThem = await sessionCookieFor(api, s.users.outsider.id);
    const read = await call(api, "GET", `/api/families/${s.family.id}`, { cookie: asThem });
    expect(read.status).toBe(404);
    const [audit] = await auditFor("lawful_basis.end", s.family.id);
    expect(audit?.details).toMatchObject({
      reason: "Resolved",
      removedMemberships: [expect.any(String)],
    });
  });

  it("keeps a member re-pointed to consent that covers their agency", async () => {
    const { s, lead } = await world();
    const basis = await housingOnBasis(s);
    const consent = await buildConsent(api.deps.db, {
      familyId: s.family.id,
      givenByMemberId: s.members.parent.id,
      agencyIds: [s.agencies.housing.id],
      obtainedBy: s.users.lead.id,
    });
    const res = await end(s, basis.id, lead);
    expect(res.status).toBe(200);
    expect(res.json.data.removedTeamMembers).toEqual([]);
    expect(await membershipOf(s.family.id, s.users.outsider.id)).toMatchObject({
      removedAt: null,
      consentId: consent.id,
      lawfulBasisId: null,
    });
  });

  it("answers 409 when it has already ended", async () => {
    const { s, lead } = await world();
    const basis = await housingOnBasis(s);
    expect((await end(s, basis.id, lead)).status).toBe(200);
    expect((await end(s, basis.id, lead)).status).toBe(409);
  });

  it("is for the lead professional only (403 for a team member)", async () => {
    const { s } = await world();
    const basis = await housingOnBasis(s);
    const cookie = await sessionCookieFor(api, s.users.teamMember.id);
    expect((await end(s, basis.id, cookie)).status).toBe(403);
    expect((await basesOf(s.family.id))[0]?.endedAt).toBeNull();
  });

  it("answers 404 for another family's lawful basis", async () => {
    const { s } = await world();
    const other = await world();
    const basis = await housingOnBasis(other.s);
    expect((await end(s, basis.id, await sessionCookieFor(api, s.users.lead.id))).status).toBe(404);
  });

  it("refuses an unknown field with 400", async () => {
    const { s, lead } = await world();
    const basis = await housingOnBasis(s);
    expect((await end(s, basis.id, lead, { reason: "Done", force: true })).status).toBe(400);
  });
});
