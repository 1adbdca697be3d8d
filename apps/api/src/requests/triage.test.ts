import {
  episodeEvents,
  episodes,
  families,
  familyMembers,
  helpRequests,
  teamMemberships,
} from "@teamaround/db";
import { buildScenario, buildUser, type Scenario } from "@teamaround/db/testing";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const today = () => api.clock.now.toISOString().slice(0, 10);

async function askForNewFamily(s: Scenario) {
  const cookie = await sessionCookieFor(api, s.users.outsider.id);
  const res = await call(api, "POST", "/api/help-requests", {
    cookie,
    body: {
      receivingAgencyId: s.agencies.school.id,
      familyName: "The Ashdown family",
      children: [
        { givenName: "Mia", familyName: "Ashdown", dateOfBirth: "2017-06-01" },
        { givenName: "Leo", familyName: "Ashdown" },
      ],
      requesterKind: "practitioner",
      requestedOn: today(),
      worries: "Mia is often late and hungry.",
      familyKnows: true,
      familyAgrees: true,
    },
  });
  expect(res.status).toBe(201);
  return res.json.data.id as string;
}

async function requestRow(id: string) {
  const [row] = await api.deps.db.select().from(helpRequests).where(eq(helpRequests.id, id));
  return row;
}

const triage = async (userId: string, requestId: string, body: unknown) =>
  call(api, "POST", `/api/help-requests/${requestId}/triage`, {
    cookie: await sessionCookieFor(api, userId),
    body,
  });

describe("POST /api/help-requests/{requestId}/triage: accept", () => {
  it("opens a new family owned by the receiving service, with the children, the lead and an episode", async () => {
    const s = await buildScenario(api.deps.db);
    const requestId = await askForNewFamily(s);
    const res = await triage(s.users.manager.id, requestId, {
      decision: "accept",
      leadUserId: s.users.lead.id,
      levelOfNeed: 3,
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      status: "accepted",
      allocatedLead: { id: s.users.lead.id },
      triagedBy: { id: s.users.manager.id },
    });
    const familyId = res.json.data.familyId as string;
    const [family] = await api.deps.db.select().from(families).where(eq(families.id, familyId));
    expect(family).toMatchObject({
      owningAgencyId: s.agencies.school.id,
      displayName: "The Ashdown family",
      levelOfNeed: 3,
      status: "assessment_started",
    });
    const children = await api.deps.db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.familyId, familyId));
    expect(children.map((c) => [c.kind, c.givenName]).sort()).toEqual([
      ["child", "Leo"],
      ["child", "Mia"],
    ]);
    const [episode] = await api.deps.db
      .select()
      .from(episodes)
      .where(eq(episodes.familyId, familyId));
    expect(episode).toMatchObject({
      id: res.json.data.episodeId,
      origin: "request_for_help",
      requestId,
      number: 1,
      status: "assessment",
    });
    const team = await api.deps.db
      .select()
      .from(teamMemberships)
      .where(eq(teamMemberships.familyId, familyId));
    expect(team.map((m) => [m.userId, m.role])).toEqual([[s.users.lead.id, "lead_professional"]]);
  });

  it("opens episode 2 of a known family whose last episode closed, handing the lead to the new one", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db
      .update(episodes)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(episodes.familyId, s.family.id));
    await api.deps.db
      .update(families)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(families.id, s.family.id));
    const newLead = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "practitioner",
      agencyId: s.agencies.school.id,
    });
    const asked = await call(api, "POST", "/api/help-requests", {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: {
        receivingAgencyId: s.agencies.school.id,
        familyId: s.family.id,
        childMemberIds: [s.members.child.id],
        requesterKind: "practitioner",
        requestedOn: today(),
        worries: "Attendance has dropped again.",
        familyKnows: true,
        familyAgrees: false,
      },
    });
    const res = await triage(s.users.manager.id, asked.json.data.id, {
      decision: "accept",
      leadUserId: newLead.id,
      levelOfNeed: 2,
      version: 1,
    });
    expect(res.status).toBe(200);
    const rows = await api.deps.db
      .select()
      .from(episodes)
      .where(eq(episodes.familyId, s.family.id))
      .orderBy(episodes.number);
    expect(rows.map((e) => [e.number, e.status])).toEqual([
      [1, "closed"],
      [2, "assessment"],
    ]);
    const [family] = await api.deps.db.select().from(families).where(eq(families.id, s.family.id));
    expect(family).toMatchObject({
      status: "assessment_started",
      closedAt: null,
      closureReason: null,
    });
    const leads = await api.deps.db
      .select()
      .from(teamMemberships)
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.role, "lead_professional"),
          isNull(teamMemberships.removedAt),
        ),
      );
    expect(leads.map((m) => m.userId)).toEqual([newLead.id]);
    const opened = await api.deps.db
      .select()
      .from(episodeEvents)
      .where(eq(episodeEvents.episodeId, res.json.data.episodeId));
    expect(opened.map((e) => e.kind)).toEqual(["opened"]);
  });

  it("refuses a known family whose episode is still open (409) and changes nothing", async () => {
    const s = await buildScenario(api.deps.db);
    const asked = await call(api, "POST", "/api/help-requests", {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: {
        receivingAgencyId: s.agencies.school.id,
        familyId: s.family.id,
        childMemberIds: [s.members.child.id],
        requesterKind: "practitioner",
        requestedOn: today(),
        worries: "More help needed.",
        familyKnows: true,
        familyAgrees: true,
      },
    });
    const before = await requestRow(asked.json.data.id);
    const res = await triage(s.users.manager.id, asked.json.data.id, {
      decision: "accept",
      leadUserId: s.users.lead.id,
      levelOfNeed: 2,
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(await requestRow(asked.json.data.id)).toEqual(before);
    expect(
      await api.deps.db.select().from(episodes).where(eq(episodes.familyId, s.family.id)),
    ).toHaveLength(1);
  });

  it.each([
    ["a lead who is a manager", (s: Scenario) => s.users.manager.id, 2],
    ["a lead who is an administrator", (s: Scenario) => s.users.administrator.id, 2],
    ["a level of need not configured", (s: Scenario) => s.users.lead.id, 7],
  ])("refuses %s (422) and changes nothing", async (_label, lead, levelOfNeed) => {
    const s = await buildScenario(api.deps.db);
    const requestId = await askForNewFamily(s);
    const before = await requestRow(requestId);
    const res = await triage(s.users.manager.id, requestId, {
      decision: "accept",
      leadUserId: lead(s),
      levelOfNeed,
      version: 1,
    });
    expect(res.status).toBe(422);
    expect(await requestRow(requestId)).toEqual(before);
  });
});

describe("POST /api/help-requests/{requestId}/triage: signpost, not accepted, and refusals", () => {
  it("signposts with where and why, which the asker then reads", async () => {
    const s = await buildScenario(api.deps.db);
    const requestId = await askForNewFamily(s);
    const res = await triage(s.users.lead.id, requestId, {
      decision: "signpost",
      signpostedTo: "Citizens Advice money service",
      reason: "The worry is about debt; they can help quickest.",
      version: 1,
    });
    expect(res.status).toBe(200);
    const read = await call(api, "GET", `/api/help-requests/${requestId}`, {
      cookie: await sessionCookieFor(api, s.users.outsider.id),
    });
    expect(read.json.data).toMatchObject({
      status: "signposted",
      signpostedTo: "Citizens Advice money service",
      triageReason: "The worry is about debt; they can help quickest.",
      familyId: null,
    });
  });

  it("refuses deciding twice (409), a stale version (409), the asker (403) and an outsider (404)", async () => {
    const s = await buildScenario(api.deps.db);
    const requestId = await askForNewFamily(s);
    const notAccepted = { decision: "not_accepted", reason: "Below threshold", version: 1 };

    const stale = await triage(s.users.manager.id, requestId, { ...notAccepted, version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("stale_version");
    const byAsker = await triage(s.users.outsider.id, requestId, notAccepted);
    expect(byAsker.status).toBe(403);
    const byStranger = await triage(s.users.teamMember.id, requestId, notAccepted);
    expect(byStranger.status).toBe(404);
    const byFamily = await triage(s.users.parentUser.id, requestId, notAccepted);
    expect(byFamily.status).toBe(404);
    expect((await requestRow(requestId))?.status).toBe("awaiting_triage");

    expect((await triage(s.users.manager.id, requestId, notAccepted)).status).toBe(200);
    const decided = await requestRow(requestId);
    const twice = await triage(s.users.manager.id, requestId, {
      decision: "accept",
      leadUserId: s.users.lead.id,
      levelOfNeed: 2,
      version: 2,
    });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("conflict");
    expect(await requestRow(requestId)).toEqual(decided);
  });

  it("refuses a decision missing its fields (400)", async () => {
    const s = await buildScenario(api.deps.db);
    const requestId = await askForNewFamily(s);
    const before = await requestRow(requestId);
    for (const body of [
      { decision: "signpost", reason: "Elsewhere", version: 1 },
      { decision: "accept", levelOfNeed: 2, version: 1 },
      { decision: "maybe", version: 1 },
    ]) {
      const res = await triage(s.users.manager.id, requestId, body);
      expect(res.status).toBe(400);
    }
    expect(await requestRow(requestId)).toEqual(before);
  });
});
