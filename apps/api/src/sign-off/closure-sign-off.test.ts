import {
  auditEvents,
  closureProposals,
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  families,
  feedbackInvitations,
  meetings,
  needScores,
  signOffDecisions,
  sustainabilityChecks,
  teamMemberships,
} from "@teamaround/db";
import {
  buildMeeting,
  buildOutcome,
  buildScenario,
  buildUser,
  type Scenario,
  setSignOffRequired,
} from "@teamaround/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const as = (userId: string) => sessionCookieFor(api, userId);
/** The API's clock stands still; each step of a story happens a minute after the one before. */
const aMinuteLater = () => {
  api.clock.now = new Date(api.clock.now.getTime() + 60_000);
};
const path = (s: Scenario) => `/api/families/${s.family.id}/closure-proposals`;

/** A family with one active outcome and a meeting still booked, and everyone's cookie. */
async function world() {
  const s = await buildScenario(api.deps.db);
  const outcome = await buildOutcome(api.deps.db, {
    familyId: s.family.id,
    title: "Robin goes to school every day",
    createdBy: s.users.lead.id,
  });
  const booked = await buildMeeting(api.deps.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
  });
  return {
    s,
    outcome,
    booked,
    lead: await as(s.users.lead.id),
    manager: await as(s.users.manager.id),
    teamMember: await as(s.users.teamMember.id),
    parent: await as(s.users.parentUser.id),
    outsider: await as(s.users.outsider.id),
  };
}

function proposal(s: Scenario, outcomeId: string, summary = "Robin is back in school.") {
  return {
    reason: "outcomes_met",
    summary,
    scores: [
      { area: "education", memberId: s.members.child.id, score: 8 },
      { area: "family_relationships", score: 7 },
    ],
    outcomeResults: [{ outcomeId, result: "met" }],
  };
}

/** Everything closing writes: none of it may change until a manager approves. */
async function closureState(familyId: string) {
  const db = api.deps.db;
  return {
    family: await db.select().from(families).where(eq(families.id, familyId)),
    episodes: await db.select().from(episodes).where(eq(episodes.familyId, familyId)),
    events: await db.select().from(episodeEvents).where(eq(episodeEvents.familyId, familyId)),
    scores: await db.select().from(needScores).where(eq(needScores.familyId, familyId)),
    checks: await db
      .select()
      .from(sustainabilityChecks)
      .where(eq(sustainabilityChecks.familyId, familyId)),
    invitations: await db
      .select()
      .from(feedbackInvitations)
      .where(eq(feedbackInvitations.familyId, familyId)),
    meetings: await db.select().from(meetings).where(eq(meetings.familyId, familyId)),
  };
}

async function decisions(familyId: string) {
  return api.deps.db
    .select()
    .from(signOffDecisions)
    .where(and(eq(signOffDecisions.familyId, familyId), eq(signOffDecisions.subject, "closure")))
    .orderBy(asc(signOffDecisions.decidedAt));
}

const queue = async (cookie: string) =>
  (await call(api, "GET", "/api/manager/sign-offs", { cookie })).json.data as {
    subject: string;
    subjectId: string;
    familyId: string;
    history: { decision: string; comments: string | null }[];
  }[];

describe("closing where the authority asks for a manager's sign-off (the default)", () => {
  it("makes the lead's closure a proposal: the case stays open and nothing of closing is written", async () => {
    const { s, outcome, lead, manager } = await world();
    const before = await closureState(s.family.id);
    const direct = await call(api, "POST", `/api/families/${s.family.id}/close`, {
      cookie: lead,
      body: { version: 1, ...proposal(s, outcome.id) },
    });
    expect(direct.status).toBe(409);
    expect(direct.json.error.message).toMatch(/propose the closure/);

    const proposed = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id),
    });
    expect(proposed.status).toBe(201);
    expect(proposed.json.data).toMatchObject({
      signOffRequired: true,
      current: {
        status: "waiting",
        reason: "outcomes_met",
        proposedBy: { userId: s.users.lead.id },
        outcomeResults: [
          { outcomeId: outcome.id, title: "Robin goes to school every day", result: "met" },
        ],
      },
      history: [],
      can: { close: false, propose: false, approve: false, return: false },
    });
    expect(await closureState(s.family.id)).toEqual(before);
    // Nothing is announced to the family's live rooms.
    expect(api.events.filter((e) => "familyId" in e && e.familyId === s.family.id)).toEqual([]);

    const seen = await call(api, "GET", path(s), { cookie: manager });
    expect(seen.json.data.can).toEqual({
      close: false,
      propose: false,
      approve: true,
      return: true,
      withdraw: false,
    });
    expect(await queue(manager)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: "closure",
          subjectId: proposed.json.data.current.id,
          familyId: s.family.id,
        }),
      ]),
    );
  });

  it("keeps every decision: returned with comments, amended, proposed again and approved", async () => {
    const { s, outcome, booked, lead, manager } = await world();
    const first = await call(api, "POST", path(s), { cookie: lead, body: proposal(s, outcome.id) });
    const firstId = first.json.data.current.id as string;
    const again = await call(api, "POST", path(s), { cookie: lead, body: proposal(s, outcome.id) });
    expect(again.status).toBe(409);

    aMinuteLater();
    const returned = await call(api, "POST", `${path(s)}/${firstId}/return`, {
      cookie: manager,
      body: { comments: "Say what Robin thinks of closing." },
    });
    expect(returned.status).toBe(200);
    expect(returned.json.data.current).toMatchObject({
      id: firstId,
      status: "returned",
      returnComments: "Say what Robin thinks of closing.",
      decidedBy: { userId: s.users.manager.id },
    });
    const leadView = await call(api, "GET", path(s), { cookie: lead });
    expect(leadView.json.data.can).toMatchObject({ propose: true, approve: false });
    expect((await queue(manager)).some((i) => i.familyId === s.family.id)).toBe(false);

    aMinuteLater();
    const amended = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id, "Robin is back in school and says he is ready to stop."),
    });
    expect(amended.status).toBe(201);
    const secondId = amended.json.data.current.id as string;
    expect(secondId).not.toBe(firstId);
    const waiting = (await queue(manager)).find((i) => i.familyId === s.family.id);
    expect(waiting).toMatchObject({
      subject: "closure",
      subjectId: secondId,
      history: [{ decision: "returned", comments: "Say what Robin thinks of closing." }],
    });

    aMinuteLater();
    const approved = await call(api, "POST", `${path(s)}/${secondId}/approve`, {
      cookie: manager,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(approved.json.data).toMatchObject({
      current: { id: secondId, status: "approved", decidedBy: { userId: s.users.manager.id } },
      history: [{ decision: "returned" }, { decision: "approved" }],
      can: { close: false, propose: false, approve: false, return: false },
    });
    expect(approved.json.abilities.family.close).toBe(false);

    // The closure took effect exactly as closing at once does.
    const state = await closureState(s.family.id);
    expect(state.family[0]).toMatchObject({ status: "closed", closureReason: "outcomes_met" });
    expect(state.episodes[0]).toMatchObject({
      status: "closed",
      closedBy: s.users.lead.id,
      closureSummary: "Robin is back in school and says he is ready to stop.",
    });
    expect(state.events.map((e) => e.kind).sort()).toEqual(["closed", "opened"]);
    expect(state.scores.map((r) => [r.stage, r.area, r.score, r.recordedBy]).sort()).toEqual([
      ["closure", "education", 8, s.users.lead.id],
      ["closure", "family_relationships", 7, s.users.lead.id],
    ]);
    expect(state.checks.map((c) => c.monthsAfter).sort()).toEqual(["3", "6"]);
    expect(state.invitations.map((i) => i.occasion)).toEqual(["closure"]);
    expect(state.meetings.find((m) => m.id === booked.id)?.state).toBe("cancelled");
    const results = await api.deps.db
      .select()
      .from(episodeOutcomeResults)
      .where(eq(episodeOutcomeResults.outcomeId, outcome.id));
    expect(results.map((r) => r.result)).toEqual(["met"]);

    expect(
      (await decisions(s.family.id)).map((d) => [d.decision, d.subjectId, d.decidedBy]),
    ).toEqual([
      ["returned", firstId, s.users.manager.id],
      ["approved", secondId, s.users.manager.id],
    ]);
    const audits = await api.deps.db
      .select({ event: auditEvents.event, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id));
    expect(audits.map((a) => a.event)).toEqual(
      expect.arrayContaining([
        "closure.propose",
        "closure.return",
        "closure.approve",
        "family.close",
      ]),
    );
    expect(audits.find((a) => a.event === "family.close")?.actorId).toBe(s.users.manager.id);
    expect((await queue(manager)).some((i) => i.familyId === s.family.id)).toBe(false);
    expect(
      api.events.some(
        (e) => e.type === "family.changed" && e.familyId === s.family.id && e.resource === "family",
      ),
    ).toBe(true);
  });

  it("lets only the case's service managers decide, never the lead, even a lead who is a manager", async () => {
    const { s, outcome, lead, teamMember, parent, outsider } = await world();
    const proposed = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id),
    });
    const id = proposed.json.data.current.id as string;
    const managerLead = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: s.agencies.school.id,
    });
    const elsewhere = await buildScenario(api.deps.db);
    const before = await closureState(s.family.id);
    const refusals: [string, number][] = [
      [lead, 403],
      [teamMember, 403],
      [parent, 403],
      [outsider, 404],
      // Another authority's manager.
      [await as(elsewhere.users.manager.id), 404],
    ];
    for (const [cookie, status] of refusals) {
      const res = await call(api, "POST", `${path(s)}/${id}/approve`, { cookie, body: {} });
      expect(res.status).toBe(status);
    }
    expect(await closureState(s.family.id)).toEqual(before);
    expect(await decisions(s.family.id)).toEqual([]);
    // A manager of the service who takes over as lead acts as the lead: they cannot decide.
    await api.deps.db
      .update(teamMemberships)
      .set({ userId: managerLead.id })
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.role, "lead_professional"),
        ),
      );
    const own = await call(api, "POST", `${path(s)}/${id}/approve`, {
      cookie: await as(managerLead.id),
      body: {},
    });
    expect(own.status).toBe(403);
  });

  it("hides sign-off from the family (403) and from other families' people (404)", async () => {
    const { s, outcome, lead, parent, outsider, teamMember } = await world();
    await call(api, "POST", path(s), { cookie: lead, body: proposal(s, outcome.id) });
    expect((await call(api, "GET", path(s), { cookie: parent })).status).toBe(403);
    expect((await call(api, "GET", path(s), { cookie: outsider })).status).toBe(404);
    const other = await as(s.users.otherParentUser.id);
    expect((await call(api, "GET", path(s), { cookie: other })).status).toBe(404);
    const staff = await call(api, "GET", path(s), { cookie: teamMember });
    expect(staff.json.data.current.status).toBe("waiting");
    // The family's own view of the family says nothing of it.
    const family = await call(api, "GET", `/api/families/${s.family.id}`, { cookie: parent });
    expect(JSON.stringify(family.json.data)).not.toMatch(/sign|proposal|waiting/i);
    expect(family.json.abilities.closure).toEqual({
      read: false,
      propose: false,
      withdraw: false,
      sign_off: false,
    });
  });

  it("refuses a decision on a proposal that no longer waits (409) and writes no history", async () => {
    const { s, outcome, lead, manager } = await world();
    const proposed = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id),
    });
    const id = proposed.json.data.current.id as string;
    await call(api, "POST", `${path(s)}/${id}/return`, {
      cookie: manager,
      body: { comments: "No" },
    });
    const history = await decisions(s.family.id);
    for (const step of ["approve", "return"]) {
      const body = step === "return" ? { comments: "Again" } : {};
      const res = await call(api, "POST", `${path(s)}/${id}/${step}`, { cookie: manager, body });
      expect(res.status).toBe(409);
    }
    expect(await decisions(s.family.id)).toEqual(history);
  });

  it("refuses approving a closure the plan has outgrown (409): the lead amends it", async () => {
    const { s, outcome, lead, manager } = await world();
    const proposed = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id),
    });
    const id = proposed.json.data.current.id as string;
    // An outcome agreed after the proposal has no result in it.
    await buildOutcome(api.deps.db, { familyId: s.family.id, createdBy: s.users.lead.id });
    const before = await closureState(s.family.id);
    const res = await call(api, "POST", `${path(s)}/${id}/approve`, { cookie: manager, body: {} });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/return it so the lead can amend it/);
    expect(await closureState(s.family.id)).toEqual(before);
    const [row] = await api.deps.db
      .select()
      .from(closureProposals)
      .where(eq(closureProposals.id, id));
    expect(row?.status).toBe("waiting");
  });

  it("checks a proposal's answers as closing does (422), and proposes nothing", async () => {
    const { s, outcome, lead } = await world();
    const other = await buildScenario(api.deps.db);
    const bad = [
      { ...proposal(s, outcome.id), outcomeResults: [] },
      {
        ...proposal(s, outcome.id),
        scores: [{ area: "health", memberId: other.members.child.id, score: 5 }],
      },
    ];
    for (const body of bad) {
      expect((await call(api, "POST", path(s), { cookie: lead, body })).status).toBe(422);
    }
    expect(
      await api.deps.db
        .select()
        .from(closureProposals)
        .where(eq(closureProposals.familyId, s.family.id)),
    ).toEqual([]);
  });

  it("withdraws a waiting proposal when the case is stepped up instead", async () => {
    const { s, outcome, lead, manager } = await world();
    const proposed = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id),
    });
    const up = await call(api, "POST", `/api/families/${s.family.id}/step-up`, {
      cookie: lead,
      body: { version: 1, note: "Significant harm concerns" },
    });
    expect(up.status).toBe(200);
    const [row] = await api.deps.db
      .select()
      .from(closureProposals)
      .where(eq(closureProposals.id, proposed.json.data.current.id));
    expect(row?.status).toBe("withdrawn");
    expect((await queue(manager)).some((i) => i.familyId === s.family.id)).toBe(false);
    const late = await call(api, "POST", `${path(s)}/${row?.id}/approve`, {
      cookie: manager,
      body: {},
    });
    expect(late.status).toBe(409);
  });
});

describe("closing where the authority asks for no sign-off", () => {
  it("closes at once, as before, and refuses a proposal (409)", async () => {
    const { s, outcome, lead } = await world();
    await setSignOffRequired(api.deps.db, s.authority.id, { closure: false });
    const view = await call(api, "GET", path(s), { cookie: lead });
    expect(view.json.data).toMatchObject({
      signOffRequired: false,
      current: null,
      can: { close: true, propose: false },
    });
    const proposed = await call(api, "POST", path(s), {
      cookie: lead,
      body: proposal(s, outcome.id),
    });
    expect(proposed.status).toBe(409);
    const closed = await call(api, "POST", `/api/families/${s.family.id}/close`, {
      cookie: lead,
      body: { version: 1, ...proposal(s, outcome.id) },
    });
    expect(closed.status).toBe(200);
    expect(closed.json.data.status).toBe("closed");
  });
});
