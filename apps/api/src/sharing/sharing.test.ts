import { auditEvents, consents, lawfulBasisRecords, sharingRecords } from "@teamaround/db";
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
  // The scenario's consent (school + health; education, health, family circumstances),
  // dated a day back so shares in the last hours fall under it.
  await api.deps.db
    .update(consents)
    .set({ obtainedAt: hoursAgo(24) })
    .where(eq(consents.id, s.consent.id));
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const path = `/api/families/${s.family.id}/sharing`;
  return { s, lead, path };
}
type World = Awaited<ReturnType<typeof world>>;

const auditFor = (event: string, familyId: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

const registerOf = (familyId: string) =>
  api.deps.db.select().from(sharingRecords).where(eq(sharingRecords.familyId, familyId));

function shareBody(s: World["s"], overrides: Record<string, unknown> = {}) {
  return {
    informationKind: "health",
    summary: "Outcome of the school nurse review",
    toAgencyId: s.agencies.health.id,
    toPerson: "Health visitor",
    purpose: "Plan support at home",
    sharedAt: hoursAgo(1).toISOString(),
    consentId: s.consent.id,
    familyTold: true,
    ...overrides,
  };
}

async function housingBasis(
  s: World["s"],
  values: Partial<typeof lawfulBasisRecords.$inferInsert> = {},
) {
  const [basis] = await api.deps.db
    .insert(lawfulBasisRecords)
    .values({
      familyId: s.family.id,
      basis: "safeguarding_of_children",
      agencyIds: [s.agencies.housing.id],
      justification: "Conditions at home put the children at risk",
      decidedBy: s.users.lead.id,
      decidedAt: hoursAgo(3),
      familyTold: false,
      notToldReason: "risk_of_harm",
      ...values,
    })
    .returning();
  if (!basis) throw new Error("basis not inserted");
  return basis;
}

describe("POST /api/families/{familyId}/sharing", () => {
  it("records a share under consent from the caller's agency, and audits", async () => {
    const { s, path } = await world();
    const cookie = await sessionCookieFor(api, s.users.teamMember.id);
    const res = await call(api, "POST", path, { cookie, body: shareBody(s) });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      informationKind: "health",
      sharedBy: {
        id: s.users.teamMember.id,
        agency: { id: s.agencies.health.id, name: s.agencies.health.name },
      },
      fromAgency: { id: s.agencies.health.id },
      toAgency: { id: s.agencies.health.id, name: s.agencies.health.name },
      toPerson: "Health visitor",
      basis: { kind: "consent", consentId: s.consent.id },
      familyTold: true,
      notToldReason: null,
      visibleToFamily: true,
    });
    const audit = await auditFor("sharing.record", s.family.id);
    expect(audit.map((a) => a.resourceId)).toEqual([res.json.data.id]);
  });

  it("records a share under a lawful basis without telling the family, hidden by default", async () => {
    const { s, lead, path } = await world();
    const basis = await housingBasis(s);
    const body = shareBody(s, {
      informationKind: "domestic_abuse",
      toAgencyId: s.agencies.housing.id,
      consentId: undefined,
      lawfulBasisId: basis.id,
      familyTold: false,
      notToldReason: "risk_of_harm",
    });
    const res = await call(api, "POST", path, { cookie: lead, body });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      basis: { kind: "lawful_basis", lawfulBasisId: basis.id, basis: "safeguarding_of_children" },
      fromAgency: { id: s.agencies.school.id },
      visibleToFamily: false,
    });
  });

  it.each([
    ["an agency it does not cover", "toAgencyId"],
    ["a kind of information it does not cover", "informationKind"],
  ])("refuses a share under a consent for %s (422), and writes nothing", async (_l, field) => {
    const { s, lead, path } = await world();
    const overrides =
      field === "toAgencyId"
        ? { toAgencyId: s.agencies.housing.id }
        : { informationKind: "finances" };
    const before = await registerOf(s.family.id);
    const res = await call(api, "POST", path, { cookie: lead, body: shareBody(s, overrides) });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: field, message: expect.any(String) }]);
    expect(await registerOf(s.family.id)).toHaveLength(before.length);
  });

  it("refuses a share after the consent was withdrawn, or before it was given", async () => {
    const { s, lead, path } = await world();
    await api.deps.db
      .update(consents)
      .set({ decision: "withdrawn", withdrawnAt: hoursAgo(2), withdrawnBy: s.users.lead.id })
      .where(eq(consents.id, s.consent.id));
    const after = await call(api, "POST", path, { cookie: lead, body: shareBody(s) });
    expect(after.status).toBe(422);
    expect(after.json.error.details).toEqual([{ path: "consentId", message: expect.any(String) }]);
    const before = shareBody(s, { sharedAt: hoursAgo(30).toISOString() });
    expect((await call(api, "POST", path, { cookie: lead, body: before })).status).toBe(422);
    const inBetween = shareBody(s, { sharedAt: hoursAgo(3).toISOString() });
    expect((await call(api, "POST", path, { cookie: lead, body: inBetween })).status).toBe(201);
  });

  it("refuses a consent or lawful basis of another family as not found in this family (422)", async () => {
    const { s, lead, path } = await world();
    const other = await world();
    const theirConsent = await buildConsent(api.deps.db, {
      familyId: other.s.family.id,
      givenByMemberId: other.s.members.parent.id,
      agencyIds: [s.agencies.health.id],
      obtainedBy: other.s.users.lead.id,
      obtainedAt: hoursAgo(24),
    });
    const theirBasis = await housingBasis(other.s);
    for (const basis of [{ consentId: theirConsent.id }, { lawfulBasisId: theirBasis.id }]) {
      const body = { ...shareBody(s, { consentId: undefined }), ...basis };
      const res = await call(api, "POST", path, { cookie: lead, body });
      expect(res.status).toBe(422);
      expect(res.json.error.details[0].message).toBe("not found in this family");
    }
  });

  it("refuses a share under an ended lawful basis, or one not covering the agency", async () => {
    const { s, lead, path } = await world();
    const ended = await housingBasis(s, { endedAt: hoursAgo(2) });
    const live = await housingBasis(s);
    const base = shareBody(s, { consentId: undefined, toAgencyId: s.agencies.housing.id });
    const endedRes = await call(api, "POST", path, {
      cookie: lead,
      body: { ...base, lawfulBasisId: ended.id },
    });
    expect(endedRes.json.error.details).toEqual([
      { path: "lawfulBasisId", message: expect.any(String) },
    ]);
    const elsewhere = { ...base, lawfulBasisId: live.id, toAgencyId: s.agencies.health.id };
    const res = await call(api, "POST", path, { cookie: lead, body: elsewhere });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "toAgencyId", message: expect.any(String) }]);
  });

  it.each([
    ["both a consent and a lawful basis", { lawfulBasisId: "BASIS" }, "consentId"],
    ["neither a consent nor a lawful basis", { consentId: undefined }, "consentId"],
    ["the family not told and no reason", { familyTold: false }, "notToldReason"],
    ["a time in the future", { sharedAt: "FUTURE" }, "sharedAt"],
  ])("refuses %s with 422 naming the field", async (_label, o, field) => {
    const { s, lead, path } = await world();
    const basis = await housingBasis(s);
    const fixes: Record<string, string> = {
      BASIS: basis.id,
      FUTURE: new Date(api.clock.now.getTime() + 86_400_000).toISOString(),
    };
    const overrides = Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, typeof v === "string" ? (fixes[v] ?? v) : v]),
    );
    const res = await call(api, "POST", path, { cookie: lead, body: shareBody(s, overrides) });
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it("refuses an unknown field with 400, and the family with 403", async () => {
    const { s, lead, path } = await world();
    const extra = { ...shareBody(s), sharedByName: "Someone" };
    expect((await call(api, "POST", path, { cookie: lead, body: extra })).status).toBe(400);
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    expect((await call(api, "POST", path, { cookie: parent, body: shareBody(s) })).status).toBe(
      403,
    );
  });
});

describe("GET /api/families/{familyId}/sharing", () => {
  async function registerWithHiddenEntry(s: World["s"], lead: string, path: string) {
    const told = await call(api, "POST", path, { cookie: lead, body: shareBody(s) });
    const basis = await housingBasis(s);
    const hidden = await call(api, "POST", path, {
      cookie: lead,
      body: shareBody(s, {
        summary: "Police concerns about a visitor",
        toAgencyId: s.agencies.housing.id,
        sharedAt: hoursAgo(0.5).toISOString(),
        consentId: undefined,
        lawfulBasisId: basis.id,
        familyTold: false,
        notToldReason: "prejudice_crime_investigation",
      }),
    });
    return { told: told.json.data.id, hidden: hidden.json.data.id };
  }

  it("shows staff every entry, newest first, and audits the read", async () => {
    const { s, lead, path } = await world();
    const { told, hidden } = await registerWithHiddenEntry(s, lead, path);
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.map((e: { id: string }) => e.id)).toEqual([hidden, told]);
    expect(res.json.data[0].notToldReason).toBe("prejudice_crime_investigation");
    expect(await auditFor("sharing.list", s.family.id)).toHaveLength(1);
  });

  it("shows a family member only the entries visible to the family", async () => {
    const { s, lead, path } = await world();
    const { told } = await registerWithHiddenEntry(s, lead, path);
    const res = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.map((e: { id: string }) => e.id)).toEqual([told]);
    const text = JSON.stringify(res.json);
    expect(text).not.toContain("Police concerns");
    expect(text).not.toContain("prejudice_crime_investigation");
    expect(res.json.abilities.sharing).toMatchObject({ read: true, read_hidden: false });
  });
});

describe("sharing by someone who works for no agency", () => {
  it("refuses an administrator in the team (the register names the sharer's agency)", async () => {
    const { s, path } = await world();
    await buildTeamMember(api.deps.db, {
      familyId: s.family.id,
      userId: s.users.administrator.id,
      consentId: s.consent.id,
    });
    const cookie = await sessionCookieFor(api, s.users.administrator.id);
    const res = await call(api, "POST", path, { cookie, body: shareBody(s) });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe("Only staff of an agency may record a share.");
    expect(await registerOf(s.family.id)).toEqual([]);
    const read = await call(api, "GET", path, { cookie });
    expect(read.status).toBe(200);
    expect(read.json.abilities.sharing).toMatchObject({ read: true, record: false });
  });
});
