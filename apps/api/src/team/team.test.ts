import { auditEvents, teamMemberships } from "@teamaround/db";
import { buildAuthority, buildConsent, buildTeamMember, buildUser } from "@teamaround/db/testing";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildLawfulBasis, buildPractitioner, teamWorld, withdrawConsent } from "./team-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const db = () => api.deps.db;

async function world() {
  const w = await teamWorld(db());
  const lead = await sessionCookieFor(api, w.s.users.lead.id);
  const path = `/api/families/${w.s.family.id}/team`;
  return { ...w, lead, path };
}

const activeTeam = (familyId: string) =>
  db()
    .select()
    .from(teamMemberships)
    .where(and(eq(teamMemberships.familyId, familyId), isNull(teamMemberships.removedAt)));

const auditFor = (event: string, familyId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

describe("GET /api/families/{familyId}/team", () => {
  it("lists the active team with agencies, hiding lawful-basis ids from the family", async () => {
    const { s, path } = await world();
    const basis = await buildLawfulBasis(db(), {
      familyId: s.family.id,
      agencyIds: [s.agencies.housing.id],
      decidedBy: s.users.lead.id,
    });
    await buildTeamMember(db(), {
      familyId: s.family.id,
      userId: s.users.outsider.id,
      lawfulBasisId: basis.id,
    });
    const asFamily = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(asFamily.status).toBe(200);
    expect(asFamily.json.data).toHaveLength(3);
    expect(asFamily.json.data[0]).toMatchObject({
      role: "lead_professional",
      userId: s.users.lead.id,
      agency: { id: s.agencies.school.id, name: s.agencies.school.name, type: "school" },
      removedAt: null,
    });
    expect(
      asFamily.json.data.every((m: { lawfulBasisId: unknown }) => m.lawfulBasisId === null),
    ).toBe(true);
    const asLead = await call(api, "GET", path, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    const housing = asLead.json.data.find(
      (m: { userId: string }) => m.userId === s.users.outsider.id,
    );
    expect(housing).toMatchObject({ lawfulBasisId: basis.id, consentId: null });
    expect(await auditFor("team.list", s.family.id)).toHaveLength(2);
  });

  it("lists former members for staff, and refuses the family (403)", async () => {
    const { s, lead, path, membership } = await world();
    await call(api, "POST", `${path}/${membership.id}/remove`, {
      cookie: lead,
      body: { reason: "Work finished" },
    });
    const staff = await call(api, "GET", `${path}?includeFormer=true`, { cookie: lead });
    expect(staff.status).toBe(200);
    expect(staff.json.data.find((m: { id: string }) => m.id === membership.id)).toMatchObject({
      removedReason: "Work finished",
      removedAt: expect.stringMatching(/T/),
    });
    const current = await call(api, "GET", path, { cookie: lead });
    expect(current.json.data.map((m: { id: string }) => m.id)).not.toContain(membership.id);
    const family = await call(api, "GET", `${path}?includeFormer=true`, {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(family.status).toBe(403);
  });
});

describe("POST /api/families/{familyId}/team", () => {
  it("adds a practitioner on the consent that covers their agency, found by the server", async () => {
    const { s, lead, path } = await world();
    const nurse = await buildUser(db(), {
      authorityId: s.authority.id,
      role: "practitioner",
      agencyId: s.agencies.health.id,
      jobTitle: "School nurse",
    });
    const res = await call(api, "POST", path, { cookie: lead, body: { userId: nurse.id } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      userId: nurse.id,
      role: "member",
      jobTitle: "School nurse",
      consentId: s.consent.id,
      lawfulBasisId: null,
    });
    const [audit] = await auditFor("team.add", s.family.id);
    expect(audit).toMatchObject({ resourceId: res.json.data.id });
  });

  it("refuses with 409 when nothing covers the agency, naming it, and adds nobody", async () => {
    const { s, lead, path } = await world();
    const { agency, user } = await buildPractitioner(db(), s.authority.id);
    const res = await call(api, "POST", path, { cookie: lead, body: { userId: user.id } });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe(
      "No active consent or lawful basis covers Northshire Police. Record the family's consent to share with this agency, or a lawful basis, before adding them.",
    );
    expect(res.json.error.details).toEqual({
      agencyId: agency.id,
      agencyName: "Northshire Police",
    });
    expect(await activeTeam(s.family.id)).toHaveLength(2);
    expect(await auditFor("team.add", s.family.id)).toHaveLength(0);
  });

  it("refuses a named consent that covers a different agency (409)", async () => {
    const { s, lead, path } = await world();
    const { user } = await buildPractitioner(db(), s.authority.id);
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { userId: user.id, consentId: s.consent.id },
    });
    expect(res.status).toBe(409);
    expect(await activeTeam(s.family.id)).toHaveLength(2);
  });

  it("refuses a withdrawn consent, named or not (409)", async () => {
    const { s, lead, path } = await world();
    const { agency, user } = await buildPractitioner(db(), s.authority.id);
    const consent = await buildConsent(db(), {
      familyId: s.family.id,
      givenByMemberId: s.members.parent.id,
      agencyIds: [agency.id],
      obtainedBy: s.users.lead.id,
    });
    await withdrawConsent(db(), consent.id, s.users.lead.id);
    for (const body of [{ userId: user.id }, { userId: user.id, consentId: consent.id }]) {
      const res = await call(api, "POST", path, { cookie: lead, body });
      expect(res.status).toBe(409);
    }
    expect(await activeTeam(s.family.id)).toHaveLength(2);
  });

  it("refuses a consent whose review date has passed, or an ended lawful basis (409)", async () => {
    const { s, lead, path } = await world();
    const { agency, user } = await buildPractitioner(db(), s.authority.id);
    await buildConsent(db(), {
      familyId: s.family.id,
      givenByMemberId: s.members.parent.id,
      agencyIds: [agency.id],
      obtainedBy: s.users.lead.id,
      reviewDate: "2020-01-01",
    });
    await buildLawfulBasis(db(), {
      familyId: s.family.id,
      agencyIds: [agency.id],
      decidedBy: s.users.lead.id,
      endedAt: new Date(api.clock.now.getTime() - 1000),
    });
    const res = await call(api, "POST", path, { cookie: lead, body: { userId: user.id } });
    expect(res.status).toBe(409);
  });

  it("adds a practitioner on a lawful basis covering their agency (201), named or found", async () => {
    const { s, lead, path } = await world();
    const { agency, user } = await buildPractitioner(db(), s.authority.id);
    const basis = await buildLawfulBasis(db(), {
      familyId: s.family.id,
      agencyIds: [agency.id],
      decidedBy: s.users.lead.id,
    });
    const named = await call(api, "POST", path, {
      cookie: lead,
      body: { userId: user.id, lawfulBasisId: basis.id },
    });
    expect(named.status).toBe(201);
    expect(named.json.data).toMatchObject({ lawfulBasisId: basis.id, consentId: null });
    const colleague = await buildUser(db(), {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: agency.id,
    });
    const found = await call(api, "POST", path, { cookie: lead, body: { userId: colleague.id } });
    expect(found.status).toBe(201);
    expect(found.json.data.lawfulBasisId).toBe(basis.id);
  });

  it("answers 404 for a consent of another family", async () => {
    const { s, lead, path } = await world();
    const foreign = await buildConsent(db(), {
      familyId: s.otherFamily.id,
      givenByMemberId: s.otherParent.id,
      agencyIds: [s.agencies.housing.id],
      obtainedBy: s.users.otherLead.id,
    });
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { userId: s.users.outsider.id, consentId: foreign.id },
    });
    expect(res.status).toBe(404);
  });

  it("refuses someone already in the team (409)", async () => {
    const { s, lead, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { userId: s.users.teamMember.id },
    });
    expect(res.status).toBe(409);
  });

  it.each(["administrator", "parentUser", "otherAuthority", "deactivated"] as const)(
    "refuses %s as a team member with 422 naming userId",
    async (who) => {
      const { s, lead, path } = await world();
      const staff = { role: "practitioner" as const, agencyId: s.agencies.health.id };
      const userId =
        who === "administrator" || who === "parentUser"
          ? s.users[who].id
          : who === "otherAuthority"
            ? (await buildUser(db(), { ...staff, authorityId: (await buildAuthority(db())).id })).id
            : (
                await buildUser(db(), {
                  ...staff,
                  authorityId: s.authority.id,
                  status: "deactivated",
                })
              ).id;
      const res = await call(api, "POST", path, { cookie: lead, body: { userId } });
      expect(res.status).toBe(422);
      expect(res.json.error.details).toEqual([{ path: "userId", message: expect.any(String) }]);
    },
  );

  it("refuses both a consent and a lawful basis, or an unknown field (400)", async () => {
    const { s, lead, path } = await world();
    const both = await call(api, "POST", path, {
      cookie: lead,
      body: { userId: s.users.outsider.id, consentId: s.consent.id, lawfulBasisId: s.consent.id },
    });
    expect(both.status).toBe(400);
    const unknown = await call(api, "POST", path, {
      cookie: lead,
      body: { userId: s.users.outsider.id, role: "lead_professional" },
    });
    expect(unknown.status).toBe(400);
  });

  it("lets only the lead add (403 for a team member)", async () => {
    const { s, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: { userId: s.users.outsider.id },
    });
    expect(res.status).toBe(403);
  });
});

describe("POST /api/families/{familyId}/team/{membershipId}/remove", () => {
  it("removes a member, who then loses access to the family", async () => {
    const { s, lead, path, membership } = await world();
    const res = await call(api, "POST", `${path}/${membership.id}/remove`, {
      cookie: lead,
      body: { reason: "Referral closed" },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      removedReason: "Referral closed",
      removedAt: expect.any(String),
    });
    expect(await auditFor("team.remove", s.family.id)).toHaveLength(1);
    const after = await call(api, "GET", `/api/families/${s.family.id}`, {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
    });
    expect(after.status).toBe(404);
    const again = await call(api, "POST", `${path}/${membership.id}/remove`, {
      cookie: lead,
      body: { reason: "Twice" },
    });
    expect(again.status).toBe(409);
  });

  it("will not remove the lead professional (422: hand over first)", async () => {
    const { s, lead, path, leadMembership } = await world();
    const res = await call(api, "POST", `${path}/${leadMembership.id}/remove`, {
      cookie: lead,
      body: { reason: "Leaving" },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/Hand over/);
    expect(await activeTeam(s.family.id)).toHaveLength(2);
  });

  it("answers 404 for a membership of another family", async () => {
    const { s, lead, path } = await world();
    const [foreign] = await activeTeam(s.otherFamily.id);
    const res = await call(api, "POST", `${path}/${foreign?.id}/remove`, {
      cookie: lead,
      body: { reason: "Not mine" },
    });
    expect(res.status).toBe(404);
    expect(await activeTeam(s.otherFamily.id)).toHaveLength(1);
  });
});
