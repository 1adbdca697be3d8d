import {
  actionProgressNotes,
  actions,
  episodeOutcomeResults,
  families,
  outcomes,
} from "@teamaround/db";
import {
  buildNextEpisode,
  buildScenario,
  type Scenario,
  setSignOffRequired,
} from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAction, buildOutcome, dayOffset } from "./plan-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const familyPath = (s: Scenario) => `/api/families/${s.family.id}`;
const as = (userId: string) => sessionCookieFor(api, userId);

function closeBody(s: Scenario, outcomeResults: { outcomeId: string; result: string }[]) {
  return {
    version: 1,
    reason: "outcomes_met",
    summary: "Things are better at home and at school.",
    scores: [
      { area: "education", memberId: s.members.child.id, score: 8 },
      { area: "family_relationships", score: 7 },
    ],
    outcomeResults,
  };
}

/**
 * A family that came back: episode 1 (its outcome achieved, with the
 * parent's action) closed, and episode 2 open with an outcome of its own.
 */
async function cameBack() {
  const s = await buildScenario(api.deps.db);
  const db = api.deps.db;
  const lead = s.users.lead.id;
  // The lead closes at once: this authority asks for no manager's sign-off of closures.
  await setSignOffRequired(db, s.authority.id, { closure: false });
  const earlier = await buildOutcome(db, { familyId: s.family.id, createdBy: lead });
  const earlierAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: earlier.id,
    createdBy: lead,
    owners: [{ memberId: s.members.parent.id }],
  });
  const closed = await call(api, "POST", `${familyPath(s)}/close`, {
    cookie: await as(lead),
    body: closeBody(s, [{ outcomeId: earlier.id, result: "met" }]),
  });
  expect(closed.status).toBe(200);
  const episode = await buildNextEpisode(db, s.family.id, lead);
  const created = await call(api, "POST", `${familyPath(s)}/outcomes`, {
    cookie: await as(lead),
    body: {
      area: "health",
      title: "Robin sleeps through the night",
      measure: "Five good nights a week for a month",
      targetDate: dayOffset(new Date(), 60),
    },
  });
  expect(created.status).toBe(201);
  const current = created.json.data as { id: string; episodeId: string };
  const currentAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: current.id,
    createdBy: lead,
    owners: [{ memberId: s.members.parent.id }],
  });
  return { s, earlier, earlierAction, episode, current, currentAction };
}

/** The plan's rows for the family, to show a refused change changed nothing. */
async function planRows(familyId: string) {
  const db = api.deps.db;
  return {
    outcomes: await db.select().from(outcomes).where(eq(outcomes.familyId, familyId)),
    actions: await db.select().from(actions).where(eq(actions.familyId, familyId)),
    notes: await db
      .select()
      .from(actionProgressNotes)
      .where(eq(actionProgressNotes.familyId, familyId)),
  };
}

describe("a family's plan belongs to an episode", () => {
  it("gives a new outcome the current episode, and reads the current episode's plan by default", async () => {
    const { s, earlier, episode, current, currentAction } = await cameBack();
    expect(current.episodeId).toBe(episode.id);
    const res = await call(api, "GET", `${familyPath(s)}/outcomes`, {
      cookie: await as(s.users.teamMember.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.map((o: { id: string }) => o.id)).toEqual([current.id]);
    expect(res.json.data[0].episodeId).toBe(episode.id);
    expect(res.json.data[0].actions.map((a: { id: string }) => a.id)).toEqual([currentAction.id]);

    const old = await call(api, "GET", `${familyPath(s)}/outcomes?episodeId=${earlier.episodeId}`, {
      cookie: await as(s.users.teamMember.id),
    });
    expect(old.status).toBe(200);
    expect(old.json.data).toMatchObject([
      { id: earlier.id, episodeId: earlier.episodeId, actions: [{ outcomeId: earlier.id }] },
    ]);
  });

  it("answers 404 for another family's episode and 400 for an id that is not one", async () => {
    const { s } = await cameBack();
    const other = await buildScenario(api.deps.db);
    const otherOutcome = await buildOutcome(api.deps.db, {
      familyId: other.family.id,
      createdBy: other.users.lead.id,
    });
    const cookie = await as(s.users.lead.id);
    const foreign = await call(
      api,
      "GET",
      `${familyPath(s)}/outcomes?episodeId=${otherOutcome.episodeId}`,
      { cookie },
    );
    expect(foreign.status).toBe(404);
    const bad = await call(api, "GET", `${familyPath(s)}/outcomes?episodeId=not-an-id`, { cookie });
    expect(bad.status).toBe(400);
  });

  it("refuses changing an earlier episode's outcome or action (409) and changes nothing", async () => {
    const { s, earlier, earlierAction } = await cameBack();
    const before = await planRows(s.family.id);
    const lead = await as(s.users.lead.id);
    const parent = await as(s.users.parentUser.id);
    const attempts: [string, string, unknown, string][] = [
      ["PATCH", `outcomes/${earlier.id}`, { version: 1, title: "New words" }, lead],
      ["PATCH", `actions/${earlierAction.id}`, { version: 1, text: "Something else" }, lead],
      ["PATCH", `actions/${earlierAction.id}`, { version: 1, status: "done" }, parent],
      ["POST", `actions/${earlierAction.id}/progress`, { note: "Still going" }, parent],
      [
        "POST",
        "actions",
        {
          outcomeId: earlier.id,
          text: "One more thing",
          dueDate: dayOffset(new Date(), 7),
          owners: [{ userId: s.users.lead.id }],
        },
        lead,
      ],
    ];
    for (const [method, path, body, cookie] of attempts) {
      const res = await call(api, method, `${familyPath(s)}/${path}`, { cookie, body });
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(res.json.error.code).toBe("conflict");
      expect(res.json.error.message).toMatch(/belongs to an earlier episode, which is closed\.$/);
    }
    const outcomeRes = await call(api, "PATCH", `${familyPath(s)}/outcomes/${earlier.id}`, {
      cookie: lead,
      body: { version: 1, status: "active" },
    });
    expect(outcomeRes.json.error.message).toBe(
      "This outcome belongs to an earlier episode, which is closed.",
    );
    expect(await planRows(s.family.id)).toEqual(before);
  });

  it("still lets the current episode's outcome and action change", async () => {
    const { s, current, currentAction } = await cameBack();
    const cookie = await as(s.users.lead.id);
    const outcome = await call(api, "PATCH", `${familyPath(s)}/outcomes/${current.id}`, {
      cookie,
      body: { version: 1, title: "Robin sleeps well" },
    });
    expect(outcome.status).toBe(200);
    const action = await call(api, "PATCH", `${familyPath(s)}/actions/${currentAction.id}`, {
      cookie,
      body: { version: 1, status: "done" },
    });
    expect(action.status).toBe(200);
  });

  it("lists only the current episode's actions on My actions", async () => {
    const { s, earlierAction, currentAction } = await cameBack();
    const res = await call(api, "GET", "/api/my/actions?status=all", {
      cookie: await as(s.users.parentUser.id),
    });
    expect(res.status).toBe(200);
    const ids = res.json.data.map((a: { id: string }) => a.id);
    expect(ids).toContain(currentAction.id);
    expect(ids).not.toContain(earlierAction.id);
  });

  it("asks at closure only about the current episode's active outcomes", async () => {
    const { s, earlier, current } = await cameBack();
    const cookie = await as(s.users.lead.id);
    const [family] = await api.deps.db.select().from(families).where(eq(families.id, s.family.id));
    const version = family?.version;
    const withEarlier = await call(api, "POST", `${familyPath(s)}/close`, {
      cookie,
      body: {
        ...closeBody(s, [
          { outcomeId: current.id, result: "met" },
          { outcomeId: earlier.id, result: "met" },
        ]),
        version,
      },
    });
    expect(withEarlier.status).toBe(422);
    expect(withEarlier.json.error.details).toEqual({
      notThisEpisode: [earlier.id],
      missing: [],
    });
    const closed = await call(api, "POST", `${familyPath(s)}/close`, {
      cookie,
      body: { ...closeBody(s, [{ outcomeId: current.id, result: "met" }]), version },
    });
    expect(closed.status).toBe(200);
    const results = await api.deps.db
      .select()
      .from(episodeOutcomeResults)
      .where(eq(episodeOutcomeResults.outcomeId, earlier.id));
    expect(results).toHaveLength(1);
  });
});
