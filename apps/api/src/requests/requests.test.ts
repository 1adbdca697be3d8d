import { auditEvents, episodes, families, helpRequests } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const today = () => api.clock.now.toISOString().slice(0, 10);

function newFamilyBody(receivingAgencyId: string) {
  return {
    receivingAgencyId,
    familyName: "The Ashdown family",
    children: [{ givenName: "Mia", familyName: "Ashdown", dateOfBirth: "2017-06-01" }],
    requesterKind: "practitioner",
    requestedOn: today(),
    worries: "Mia is often late and hungry; mum says money is very tight.",
    familyKnows: true,
    familyAgrees: true,
  };
}

async function requestsBy(userId: string) {
  return api.deps.db.select().from(helpRequests).where(eq(helpRequests.createdBy, userId));
}

describe("POST /api/help-requests", () => {
  it("records a request for a new family, the asker's name and agency, awaiting triage", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.outsider.id);
    const res = await call(api, "POST", "/api/help-requests", {
      cookie,
      body: newFamilyBody(s.agencies.school.id),
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      familyId: null,
      familyName: "The Ashdown family",
      status: "awaiting_triage",
      requesterName: s.users.outsider.displayName,
      requesterAgency: { id: s.agencies.housing.id },
      receivingAgency: { id: s.agencies.school.id },
      children: [{ givenName: "Mia", dateOfBirth: "2017-06-01", memberId: null }],
      reReferralOfEpisodeId: null,
    });
    expect(res.json.abilities).toEqual({ triage: false });
    const [audit] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.event, "help_request.create"),
          eq(auditEvents.resourceId, res.json.data.id),
        ),
      );
    expect(audit?.familyId).toBeNull();
  });

  it("names a known family's children and marks a re-referral within 12 months of closure", async () => {
    const s = await buildScenario(api.deps.db);
    const closedAt = new Date(api.clock.now.getTime() - 60 * 86_400_000);
    await api.deps.db
      .update(episodes)
      .set({ status: "closed", closedAt, closureReason: "outcomes_met" })
      .where(eq(episodes.familyId, s.family.id));
    const [episode] = await api.deps.db
      .select()
      .from(episodes)
      .where(eq(episodes.familyId, s.family.id));
    const cookie = await sessionCookieFor(api, s.users.teamMember.id);
    const res = await call(api, "POST", "/api/help-requests", {
      cookie,
      body: {
        receivingAgencyId: s.agencies.school.id,
        familyId: s.family.id,
        childMemberIds: [s.members.child.id],
        requesterKind: "family",
        requesterName: "Robin's mum",
        requestedOn: today(),
        worries: "Things have slipped since the case closed.",
        familyKnows: true,
        familyAgrees: true,
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      familyId: s.family.id,
      familyName: s.family.displayName,
      requesterKind: "family",
      requesterName: "Robin's mum",
      requesterAgency: null,
      children: [{ givenName: "Robin", memberId: s.members.child.id }],
      reReferralOfEpisodeId: episode?.id,
    });
  });

  it.each([
    ["no worries", { worries: undefined }],
    ["a known and a new family at once", { familyId: "00000000-0000-4000-8000-000000000000" }],
    ["a new family without children", { children: [] }],
    ["agreeing without knowing", { familyKnows: false, familyAgrees: true }],
    ["a family request without who asked", { requesterKind: "family" }],
    ["an unknown field", { priority: "high" }],
  ])("refuses %s (400) and saves nothing", async (_label, change) => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const res = await call(api, "POST", "/api/help-requests", {
      cookie,
      body: { ...newFamilyBody(s.agencies.health.id), ...change },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(await requestsBy(s.users.lead.id)).toEqual([]);
  });

  it("refuses a date in the future, another authority's service, and a child of another family (422)", async () => {
    const s = await buildScenario(api.deps.db);
    const other = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const tomorrow = new Date(api.clock.now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const bodies = [
      { ...newFamilyBody(s.agencies.health.id), requestedOn: tomorrow },
      newFamilyBody(other.agencies.health.id),
      {
        ...newFamilyBody(s.agencies.health.id),
        familyName: undefined,
        children: undefined,
        familyId: s.family.id,
        childMemberIds: [other.members.child.id],
      },
    ];
    for (const body of bodies) {
      const res = await call(api, "POST", "/api/help-requests", { cookie, body });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("unprocessable");
    }
    expect(await requestsBy(s.users.lead.id)).toEqual([]);
  });

  it("answers 404 for a family the asker cannot see, and saves nothing", async () => {
    const s = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.outsider.id);
    const res = await call(api, "POST", "/api/help-requests", {
      cookie,
      body: {
        ...newFamilyBody(s.agencies.school.id),
        familyName: undefined,
        children: undefined,
        familyId: s.family.id,
        childMemberIds: [s.members.child.id],
      },
    });
    expect(res.status).toBe(404);
    expect(await requestsBy(s.users.outsider.id)).toEqual([]);
  });
});

describe("GET /api/help-requests", () => {
  it("shows the receiving service its requests awaiting first, and the asker their own", async () => {
    const s = await buildScenario(api.deps.db);
    const asker = await sessionCookieFor(api, s.users.outsider.id);
    const first = await call(api, "POST", "/api/help-requests", {
      cookie: asker,
      body: newFamilyBody(s.agencies.school.id),
    });
    const second = await call(api, "POST", "/api/help-requests", {
      cookie: asker,
      body: { ...newFamilyBody(s.agencies.school.id), familyName: "The Birch family" },
    });
    const manager = await sessionCookieFor(api, s.users.manager.id);
    await call(api, "POST", `/api/help-requests/${first.json.data.id}/triage`, {
      cookie: manager,
      body: { decision: "not_accepted", reason: "Needs are met by school", version: 1 },
    });

    const incoming = await call(api, "GET", "/api/help-requests?view=incoming", {
      cookie: manager,
    });
    expect(incoming.status).toBe(200);
    expect(incoming.json.data.map((r: { id: string }) => r.id)).toEqual([
      second.json.data.id,
      first.json.data.id,
    ]);
    expect(incoming.json.data[0].abilities).toEqual({ triage: true });

    const mine = await call(api, "GET", "/api/help-requests?view=mine", { cookie: asker });
    const decided = mine.json.data.find((r: { id: string }) => r.id === first.json.data.id);
    expect(decided).toMatchObject({
      status: "not_accepted",
      triageReason: "Needs are met by school",
      triagedBy: { id: s.users.manager.id },
      abilities: { triage: false },
    });

    const health = await sessionCookieFor(api, s.users.teamMember.id);
    const other = await call(api, "GET", "/api/help-requests?view=incoming", { cookie: health });
    expect(other.json.data).toEqual([]);
  });
});

describe("GET /api/help-requests/{requestId}", () => {
  it("lets the asker read the outcome and answers 404 to anyone else outside the service", async () => {
    const s = await buildScenario(api.deps.db);
    const asker = await sessionCookieFor(api, s.users.outsider.id);
    const created = await call(api, "POST", "/api/help-requests", {
      cookie: asker,
      body: newFamilyBody(s.agencies.school.id),
    });
    const path = `/api/help-requests/${created.json.data.id}`;
    expect((await call(api, "GET", path, { cookie: asker })).status).toBe(200);
    const stranger = await sessionCookieFor(api, s.users.teamMember.id);
    const refused = await call(api, "GET", path, { cookie: stranger });
    expect(refused.status).toBe(404);
    expect(refused.json.error.code).toBe("not_found");
    const rows = await api.deps.db
      .select()
      .from(families)
      .where(eq(families.displayName, "The Ashdown family"));
    expect(rows.filter((f) => f.owningAgencyId === s.agencies.school.id)).toEqual([]);
  });
});
