import {
  auditEvents,
  consents,
  lawfulBasisRecords,
  sharingRecords,
  teamMemberships,
} from "@teamaround/db";
import {
  buildConsent,
  buildMember,
  buildScenario,
  buildTeamMember,
  buildUser,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
const hoursAgo = (hours: number) => new Date(api.clock.now.getTime() - hours * 3_600_000);

async function world() {
  const s = await buildScenario(api.deps.db);
  const lead = await sessionCookieFor(api, s.users.lead.id);
  return { s, lead };
}
type World = Awaited<ReturnType<typeof world>>;

const auditFor = (event: string, familyId: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, event), eq(auditEvents.familyId, familyId)));

const consentsOf = (familyId: string) =>
  api.deps.db.select().from(consents).where(eq(consents.familyId, familyId));

describe("POST /api/families/{familyId}/consents/{consentId}/withdraw", () => {
  const withdraw = (s: World["s"], consentId: string, cookie: string, body = {}) =>
    call(api, "POST", `/api/families/${s.family.id}/consents/${consentId}/withdraw`, {
      cookie,
      body: { reason: "We want to stop sharing", ...body },
    });

  it("removes the team member who joined on it, who then cannot see the family", async () => {
    const { s } = await world();
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const res = await withdraw(s, s.consent.id, parent);
    expect(res.status).toBe(200);
    expect(res.json.data.consent).toMatchObject({
      state: "withdrawn",
      canWithdraw: false,
      withdrawal: { reason: "We want to stop sharing", withdrawnBy: { id: s.users.parentUser.id } },
    });
    expect(res.json.data.removedTeamMembers).toEqual([
      {
        userId: s.users.teamMember.id,
        name: s.users.teamMember.displayName,
        agency: { id: s.agencies.health.id, name: s.agencies.health.name },
      },
    ]);
    const [membership] = await api.deps.db
      .select()
      .from(teamMemberships)
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      );
    expect(membership).toMatchObject({ removedReason: "Consent withdrawn" });
    expect(membership?.removedAt).not.toBeNull();
    const asThem = await sessionCookieFor(api, s.users.teamMember.id);
    expect(
      (await call(api, "GET", `/api/families/${s.family.id}`, { cookie: asThem })).status,
    ).toBe(404);
  });

  it("keeps a member whose agency another basis covers, re-pointed to it", async () => {
    const { s, lead } = await world();
    const [basis] = await api.deps.db
      .insert(lawfulBasisRecords)
      .values({
        familyId: s.family.id,
        basis: "safeguarding_of_children",
        agencyIds: [s.agencies.health.id],
        justification: "Health needs of the child must be followed up",
        decidedBy: s.users.lead.id,
        decidedAt: hoursAgo(1),
        familyTold: true,
      })
      .returning();
    const schoolWorker = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "practitioner",
      agencyId: s.agencies.school.id,
    });
    await buildTeamMember(api.deps.db, {
      familyId: s.family.id,
      userId: schoolWorker.id,
      consentId: s.consent.id,
    });
    const res = await withdraw(s, s.consent.id, lead);
    expect(res.status).toBe(200);
    expect(res.json.data.repointedTeamMembers.map((m: { userId: string }) => m.userId)).toEqual([
      s.users.teamMember.id,
    ]);
    expect(res.json.data.removedTeamMembers.map((m: { userId: string }) => m.userId)).toEqual([
      schoolWorker.id,
    ]);
    const [kept] = await api.deps.db
      .select()
      .from(teamMemberships)
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      );
    expect(kept).toMatchObject({ removedAt: null, consentId: null, lawfulBasisId: basis?.id });
    const asThem = await sessionCookieFor(api, s.users.teamMember.id);
    expect(
      (await call(api, "GET", `/api/families/${s.family.id}`, { cookie: asThem })).status,
    ).toBe(200);
  });

  it("names every agency that received information under it to be told, and audits", async () => {
    const { s, lead } = await world();
    await api.deps.db.insert(sharingRecords).values({
      familyId: s.family.id,
      informationKind: "education",
      summary: "Attendance",
      sharedBy: s.users.lead.id,
      fromAgencyId: s.agencies.school.id,
      toAgencyId: s.agencies.housing.id,
      purpose: "Housing priority",
      sharedAt: hoursAgo(1),
      consentId: s.consent.id,
      familyTold: true,
    });
    const res = await withdraw(s, s.consent.id, lead);
    expect(res.status).toBe(200);
    const expected = [s.agencies.school, s.agencies.health, s.agencies.housing]
      .map((a) => a.id)
      .sort();
    const notified = res.json.data.agenciesToTell.map((a: { id: string }) => a.id).sort();
    expect(notified).toEqual(expected);
    const notices = res.json.data.consent.withdrawalNotices;
    expect(notices).toHaveLength(3);
    // None of these agencies has a contact address: the register says so, not that they were told.
    expect(notices[0]).toMatchObject({ status: "no_address", sentAt: null });
    const [audit] = await auditFor("consent.withdraw", s.family.id);
    expect(audit?.details).toMatchObject({
      removedMemberships: [{ userId: s.users.teamMember.id }],
      notifiedAgencyIds: expect.arrayContaining(expected),
    });
  });

  it("answers 409 when withdrawing twice, or withdrawing a refusal", async () => {
    const { s, lead } = await world();
    expect((await withdraw(s, s.consent.id, lead)).status).toBe(200);
    expect((await withdraw(s, s.consent.id, lead)).status).toBe(409);
    const refusal = await buildConsent(api.deps.db, {
      familyId: s.family.id,
      givenByMemberId: s.members.parent.id,
      agencyIds: [s.agencies.housing.id],
      obtainedBy: s.users.lead.id,
      decision: "refused",
    });
    expect((await withdraw(s, refusal.id, lead)).status).toBe(409);
    expect(await auditFor("consent.withdraw", s.family.id)).toHaveLength(1);
  });

  it("refuses a parent withdrawing a consent someone else gave (403)", async () => {
    const { s } = await world();
    const father = await buildMember(api.deps.db, {
      familyId: s.family.id,
      parentalResponsibility: true,
    });
    const his = await buildConsent(api.deps.db, {
      familyId: s.family.id,
      givenByMemberId: father.id,
      agencyIds: [s.agencies.school.id],
      obtainedBy: s.users.lead.id,
    });
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    expect((await withdraw(s, his.id, parent)).status).toBe(403);
    const [row] = await consentsOf(s.family.id).then((rows) => rows.filter((r) => r.id === his.id));
    expect(row?.withdrawnAt).toBeNull();
  });

  it("answers 404 for another family's consent", async () => {
    const { s, lead } = await world();
    const theirs = await buildConsent(api.deps.db, {
      familyId: s.otherFamily.id,
      givenByMemberId: s.otherParent.id,
      agencyIds: [s.agencies.housing.id],
      obtainedBy: s.users.otherLead.id,
    });
    expect((await withdraw(s, theirs.id, lead)).status).toBe(404);
  });

  it("refuses a withdrawal time in the future with 422", async () => {
    const { s, lead } = await world();
    const future = new Date(api.clock.now.getTime() + day).toISOString();
    const res = await withdraw(s, s.consent.id, lead, { withdrawnAt: future });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "withdrawnAt", message: expect.any(String) }]);
  });

  it("refuses an unknown field with 400", async () => {
    const { s, lead } = await world();
    expect((await withdraw(s, s.consent.id, lead, { notify: false })).status).toBe(400);
  });
});
