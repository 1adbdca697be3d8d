import { auditEvents, consents, teamMemberships } from "@teamaround/db";
import { buildTeamMember } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildLawfulBasis, buildPractitioner, teamWorld } from "./team-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const db = () => api.deps.db;

async function world() {
  const w = await teamWorld(db());
  const lead = await sessionCookieFor(api, w.s.users.lead.id);
  const path = `/api/families/${w.s.family.id}/team/lead`;
  return { ...w, lead, path };
}

const membershipRow = async (id: string) =>
  (await db().select().from(teamMemberships).where(eq(teamMemberships.id, id)))[0];

describe("POST /api/families/{familyId}/team/lead", () => {
  it("hands the lead to a team member; the old lead stays on the incoming lead's consent", async () => {
    const { s, lead, path, membership, leadMembership } = await world();
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: membership.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.lead).toMatchObject({ id: membership.id, role: "lead_professional" });
    expect(res.json.data.previousLead).toMatchObject({
      id: leadMembership.id,
      role: "member",
      consentId: s.consent.id,
    });
    expect(res.json.abilities.team.lead_handover).toBe(false);
    expect(await membershipRow(membership.id)).toMatchObject({ consentId: s.consent.id });
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "team.lead_handover"), eq(auditEvents.familyId, s.family.id)),
      );
    expect(audit).toHaveLength(1);

    const oldLeadTries = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: leadMembership.id },
    });
    expect(oldLeadTries.status).toBe(403);
    const newLead = await sessionCookieFor(api, s.users.teamMember.id);
    const back = await call(api, "POST", path, {
      cookie: newLead,
      body: { membershipId: leadMembership.id },
    });
    expect(back.status).toBe(200);
  });

  it("finds another basis for the old lead when the incoming lead's does not cover their agency", async () => {
    const { s, lead, path } = await world();
    const { agency, user } = await buildPractitioner(db(), s.authority.id);
    const police = await buildLawfulBasis(db(), {
      familyId: s.family.id,
      agencyIds: [agency.id],
      decidedBy: s.users.lead.id,
    });
    const incoming = await buildTeamMember(db(), {
      familyId: s.family.id,
      userId: user.id,
      lawfulBasisId: police.id,
    });
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: incoming.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.previousLead).toMatchObject({
      consentId: s.consent.id,
      lawfulBasisId: null,
    });
  });

  it("refuses with 422 when nothing would cover the old lead's agency, changing nothing", async () => {
    const { s, lead, path, membership, leadMembership } = await world();
    // The family's consent now names the health service only, not the lead's school.
    await db()
      .update(consents)
      .set({ agencyIds: [s.agencies.health.id] })
      .where(eq(consents.id, s.consent.id));
    const res = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: membership.id },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain(s.agencies.school.name);
    expect(await membershipRow(leadMembership.id)).toMatchObject({ role: "lead_professional" });
    expect(await membershipRow(membership.id)).toMatchObject({ role: "member" });
  });

  it("refuses the lead's own membership or a removed one (422), and another family's (404)", async () => {
    const { s, lead, path, membership, leadMembership } = await world();
    const own = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: leadMembership.id },
    });
    expect(own.status).toBe(422);
    await db()
      .update(teamMemberships)
      .set({ removedAt: new Date(), removedReason: "Left" })
      .where(eq(teamMemberships.id, membership.id));
    const removed = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: membership.id },
    });
    expect(removed.status).toBe(422);
    const [foreign] = await db()
      .select()
      .from(teamMemberships)
      .where(eq(teamMemberships.familyId, s.otherFamily.id));
    const other = await call(api, "POST", path, {
      cookie: lead,
      body: { membershipId: foreign?.id },
    });
    expect(other.status).toBe(404);
    expect(await membershipRow(leadMembership.id)).toMatchObject({ role: "lead_professional" });
  });

  it("lets only the lead hand over (403 for the team member and the manager)", async () => {
    const { s, path, membership } = await world();
    for (const userId of [s.users.teamMember.id, s.users.manager.id]) {
      const res = await call(api, "POST", path, {
        cookie: await sessionCookieFor(api, userId),
        body: { membershipId: membership.id },
      });
      expect(res.status).toBe(403);
    }
  });
});
