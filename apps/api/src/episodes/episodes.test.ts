import {
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  families,
  feedbackInvitations,
  helpRequests,
  meetings,
  needScores,
  sustainabilityChecks,
} from "@teamaround/db";
import {
  buildMeeting,
  buildOutcome,
  buildScenario,
  type Scenario,
  setSignOffRequired,
} from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function withOutcome(s: Scenario) {
  return buildOutcome(api.deps.db, {
    familyId: s.family.id,
    area: "education",
    title: "Robin goes to school every day",
    measure: "Attendance above 95%",
    targetDate: "2027-01-01",
    createdBy: s.users.lead.id,
  });
}

function closeBody(s: Scenario, outcomeId: string) {
  return {
    version: 1,
    reason: "outcomes_met",
    summary: "Robin is back in school and mum feels able to ask for help.",
    scores: [
      { area: "education", memberId: s.members.child.id, score: 8, note: "Attending well" },
      { area: "family_relationships", score: 7 },
    ],
    outcomeResults: [{ outcomeId, result: "met" }],
  };
}

/** Everything a closure writes, to show a refused one changed nothing. */
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
  };
}

/** Closing at once: these authorities ask for no manager's sign-off (see closure-sign-off.test.ts). */
const close = async (s: Scenario, body: unknown, userId = s.users.lead.id) => {
  await setSignOffRequired(api.deps.db, s.authority.id, { closure: false });
  return call(api, "POST", `/api/families/${s.family.id}/close`, {
    cookie: await sessionCookieFor(api, userId),
    body,
  });
};

describe("POST /api/families/{familyId}/close", () => {
  it("closes the current episode with scores, outcomes met, follow-ups and feedback", async () => {
    const s = await buildScenario(api.deps.db);
    const outcome = await withOutcome(s);
    const res = await close(s, closeBody(s, outcome.id));
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ status: "closed", closureReason: "outcomes_met" });
    expect(res.json.abilities.family.close).toBe(false);

    const state = await closureState(s.family.id);
    const [episode] = state.episodes;
    expect(episode).toMatchObject({
      status: "closed",
      closureReason: "outcomes_met",
      closedBy: s.users.lead.id,
      closureSummary: "Robin is back in school and mum feels able to ask for help.",
    });
    expect(state.events.map((e) => e.kind).sort()).toEqual(["closed", "opened"]);
    expect(state.scores.map((r) => [r.stage, r.area, r.score]).sort()).toEqual([
      ["closure", "education", 8],
      ["closure", "family_relationships", 7],
    ]);
    expect(state.checks.map((c) => [c.monthsAfter, c.leadUserId]).sort()).toEqual([
      ["3", s.users.lead.id],
      ["6", s.users.lead.id],
    ]);
    expect(state.invitations.map((i) => i.occasion)).toEqual(["closure"]);
    const results = await api.deps.db
      .select()
      .from(episodeOutcomeResults)
      .where(eq(episodeOutcomeResults.outcomeId, outcome.id));
    expect(results.map((r) => r.result)).toEqual(["met"]);
  });

  it("cancels the meetings still booked, and leaves a live one to be ended", async () => {
    const s = await buildScenario(api.deps.db);
    const outcome = await withOutcome(s);
    const booked = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const live = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
      startedAt: new Date(),
    });
    const res = await close(s, closeBody(s, outcome.id));
    expect(res.status).toBe(200);
    const states = await api.deps.db
      .select({ id: meetings.id, state: meetings.state })
      .from(meetings)
      .where(eq(meetings.familyId, s.family.id));
    expect(states).toEqual(
      expect.arrayContaining([
        { id: booked.id, state: "cancelled" },
        { id: live.id, state: "live" },
      ]),
    );
  });

  it("refuses closing a closed episode (409) and changes nothing", async () => {
    const s = await buildScenario(api.deps.db);
    const outcome = await withOutcome(s);
    expect((await close(s, closeBody(s, outcome.id))).status).toBe(200);
    const before = await closureState(s.family.id);
    const again = await close(s, { ...closeBody(s, outcome.id), version: 2 });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    expect(await closureState(s.family.id)).toEqual(before);
  });

  it.each([
    [
      "a score out of range",
      (b: ReturnType<typeof closeBody>) => ({ ...b, scores: [{ area: "health", score: 11 }] }),
    ],
    [
      "a negative score",
      (b: ReturnType<typeof closeBody>) => ({ ...b, scores: [{ area: "health", score: -1 }] }),
    ],
    ["no reason", (b: ReturnType<typeof closeBody>) => ({ ...b, reason: undefined })],
    ["no summary", (b: ReturnType<typeof closeBody>) => ({ ...b, summary: undefined })],
    [
      "stepped_up as a reason",
      (b: ReturnType<typeof closeBody>) => ({ ...b, reason: "stepped_up" }),
    ],
    [
      "a result that is not one",
      (b: ReturnType<typeof closeBody>) => ({
        ...b,
        outcomeResults: [{ outcomeId: b.outcomeResults[0]?.outcomeId, result: "mostly" }],
      }),
    ],
  ])("refuses %s (400) and changes nothing", async (_label, change) => {
    const s = await buildScenario(api.deps.db);
    const outcome = await withOutcome(s);
    const before = await closureState(s.family.id);
    const res = await close(s, change(closeBody(s, outcome.id)));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(await closureState(s.family.id)).toEqual(before);
  });

  it("refuses a missing outcome, another family's outcome or child, and a stale version", async () => {
    const s = await buildScenario(api.deps.db);
    const other = await buildScenario(api.deps.db);
    const outcome = await withOutcome(s);
    const foreign = await withOutcome(other);
    const before = await closureState(s.family.id);
    const body = closeBody(s, outcome.id);
    const cases: [unknown, number][] = [
      [{ ...body, outcomeResults: [] }, 422],
      [
        {
          ...body,
          outcomeResults: [...body.outcomeResults, { outcomeId: foreign.id, result: "met" }],
        },
        422,
      ],
      [{ ...body, scores: [{ area: "health", memberId: other.members.child.id, score: 5 }] }, 422],
      [{ ...body, scores: [{ area: "health", memberId: s.members.parent.id, score: 5 }] }, 422],
      [{ ...body, version: 7 }, 409],
    ];
    for (const [attempt, status] of cases) {
      const res = await close(s, attempt);
      expect(res.status).toBe(status);
    }
    expect(await closureState(s.family.id)).toEqual(before);
  });

  it("refuses a team member (403) and a stranger (404), changing nothing", async () => {
    const s = await buildScenario(api.deps.db);
    const outcome = await withOutcome(s);
    const before = await closureState(s.family.id);
    expect((await close(s, closeBody(s, outcome.id), s.users.teamMember.id)).status).toBe(403);
    expect((await close(s, closeBody(s, outcome.id), s.users.outsider.id)).status).toBe(404);
    expect(await closureState(s.family.id)).toEqual(before);
  });
});

describe("step-up and step-down keep each episode as history", () => {
  it("steps up (closing episode 1 at the top level, no follow-ups) then down (episode 2)", async () => {
    const s = await buildScenario(api.deps.db);
    api.clock.now = new Date(Date.now() + 60_000);
    const cookie = await sessionCookieFor(api, s.users.manager.id);
    const up = await call(api, "POST", `/api/families/${s.family.id}/step-up`, {
      cookie,
      body: { version: 1, note: "Significant harm concerns" },
    });
    expect(up.status).toBe(200);
    expect(up.json.data).toMatchObject({
      status: "closed",
      closureReason: "stepped_up",
      levelOfNeed: 4,
    });
    const afterUp = await closureState(s.family.id);
    expect(afterUp.checks).toEqual([]);
    expect(afterUp.invitations).toEqual([]);

    const again = await call(api, "POST", `/api/families/${s.family.id}/step-up`, {
      cookie,
      body: { version: 2, note: "Twice" },
    });
    expect(again.status).toBe(409);
    expect(await closureState(s.family.id)).toEqual(afterUp);

    const down = await call(api, "POST", `/api/families/${s.family.id}/step-down`, {
      cookie,
      body: { version: 2, levelOfNeed: 3, note: "Child in need plan ended" },
    });
    expect(down.status).toBe(200);
    expect(down.json.data).toMatchObject({ status: "assessment_started", origin: "stepped_down" });

    const list = await call(api, "GET", `/api/families/${s.family.id}/episodes`, { cookie });
    expect(list.status).toBe(200);
    const [second, first] = list.json.data;
    expect(first).toMatchObject({
      number: 1,
      status: "closed",
      closureReason: "stepped_up",
      closureSummary: "Significant harm concerns",
    });
    expect(first.events.map((e: { kind: string }) => e.kind)).toEqual(["opened", "stepped_up"]);
    expect(second).toMatchObject({ number: 2, origin: "stepped_down", status: "assessment" });
    expect(second.events.map((e: { kind: string }) => e.kind).sort()).toEqual([
      "opened",
      "stepped_down",
    ]);
  });

  it("refuses a step-down of a family that was not stepped up (422), changing nothing", async () => {
    const s = await buildScenario(api.deps.db);
    expect((await close(s, { ...closeBody(s, (await withOutcome(s)).id) })).status).toBe(200);
    const before = await closureState(s.family.id);
    const res = await call(api, "POST", `/api/families/${s.family.id}/step-down`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { version: 2, levelOfNeed: 3, note: "Not stepped up" },
    });
    expect(res.status).toBe(422);
    expect(await closureState(s.family.id)).toEqual(before);
  });
});

describe("GET /api/families/{familyId}/episodes", () => {
  it("keeps each change of level of need, and shows the family no notes", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    await call(api, "PATCH", `/api/families/${s.family.id}`, {
      cookie: lead,
      body: { version: 1, levelOfNeed: 3 },
    });
    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    await call(api, "PATCH", `/api/families/${s.family.id}`, {
      cookie: lead,
      body: { version: 2, levelOfNeed: 2 },
    });
    const staff = await call(api, "GET", `/api/families/${s.family.id}/episodes`, { cookie: lead });
    const changes = staff.json.data[0].events.filter(
      (e: { kind: string }) => e.kind === "level_of_need_changed",
    );
    expect(changes.map((e: { levelOfNeed: number }) => e.levelOfNeed)).toEqual([3, 2]);
    expect(changes[0].note).toBe("From level 2 to level 3");

    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const plain = await call(api, "GET", `/api/families/${s.family.id}/episodes`, {
      cookie: parent,
    });
    expect(plain.status).toBe(200);
    expect(plain.json.data[0].events.every((e: { note: unknown }) => e.note === null)).toBe(true);
    expect(plain.json.data[0]).toMatchObject({ request: null, closureSummary: null });
    expect(plain.json.abilities.episode).toEqual({ read: true, read_notes: false });

    const other = await sessionCookieFor(api, s.users.otherParentUser.id);
    expect(
      (await call(api, "GET", `/api/families/${s.family.id}/episodes`, { cookie: other })).status,
    ).toBe(404);
  });
  it("tells the family, in general terms, who asked for help (the kind of service)", async () => {
    const s = await buildScenario(api.deps.db);
    const db = api.deps.db;
    const [request] = await db
      .insert(helpRequests)
      .values({
        authorityId: s.authority.id,
        familyId: s.family.id,
        receivingAgencyId: s.agencies.school.id,
        familyName: "The family",
        children: [],
        requesterKind: "practitioner",
        requesterAgencyId: s.agencies.school.id,
        requesterName: "Family liaison officer",
        requestedOn: "2026-03-03",
        worries: "Attendance has fallen",
        familyKnows: true,
        familyAgrees: true,
        createdBy: s.users.lead.id,
      })
      .returning();
    if (!request) throw new Error("request not inserted");
    await db
      .update(episodes)
      .set({ requestId: request.id })
      .where(eq(episodes.familyId, s.family.id));
    const parent = await sessionCookieFor(api, s.users.parentUser.id);
    const res = await call(api, "GET", `/api/families/${s.family.id}/episodes`, {
      cookie: parent,
    });
    expect(res.json.data[0]).toMatchObject({ askedBy: "school", request: null });
  });
});
