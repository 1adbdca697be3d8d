import {
  assessmentContributors,
  assessmentEntries,
  assessments,
  episodeEvents,
  episodes,
  families,
  localAuthorities,
  needScores,
} from "@teamaround/db";
import { buildScenario, fillAssessment, type Scenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** A scenario whose family is still being assessed (its episode not yet plan in place). */
async function assessingWorld() {
  const s = await buildScenario(api.deps.db);
  const db = api.deps.db;
  await db
    .update(families)
    .set({ status: "assessment_started" })
    .where(eq(families.id, s.family.id));
  await db
    .update(episodes)
    .set({ status: "assessment", planInPlaceAt: null })
    .where(eq(episodes.familyId, s.family.id));
  const as = async (userId: string) => sessionCookieFor(api, userId);
  return {
    s,
    lead: await as(s.users.lead.id),
    teamMember: await as(s.users.teamMember.id),
    manager: await as(s.users.manager.id),
    parent: await as(s.users.parentUser.id),
  };
}

const base = (s: Scenario) => `/api/families/${s.family.id}/assessments`;

async function start(s: Scenario, cookie: string) {
  const res = await call(api, "POST", base(s), { cookie, body: {} });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; episodeId: string };
}

const rowsOf = (assessmentId: string) =>
  Promise.all([
    api.deps.db.select().from(assessments).where(eq(assessments.id, assessmentId)),
    api.deps.db
      .select()
      .from(assessmentEntries)
      .where(eq(assessmentEntries.assessmentId, assessmentId)),
    api.deps.db.select().from(needScores).where(eq(needScores.assessmentId, assessmentId)),
  ]);

describe("starting an assessment", () => {
  it("starts one for the open episode and refuses a second unfinished one", async () => {
    const { s, lead } = await assessingWorld();
    const first = await start(s, lead);
    const again = await call(api, "POST", base(s), { cookie: lead, body: {} });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    const all = await api.deps.db
      .select()
      .from(assessments)
      .where(eq(assessments.familyId, s.family.id));
    expect(all.map((a) => [a.id, a.kind, a.status])).toEqual([[first.id, "initial", "draft"]]);

    const list = await call(api, "GET", base(s), { cookie: lead });
    expect(list.json.data).toMatchObject({ current: { id: first.id }, canStart: false });
  });
});

describe("writing sections", () => {
  it("saves a section with its version, refuses a stale write and records contributors", async () => {
    const { s, lead, teamMember } = await assessingWorld();
    const { id } = await start(s, lead);
    const path = `${base(s)}/${id}/entries`;
    const first = await call(api, "PUT", path, {
      cookie: teamMember,
      body: { section: "worries", text: "Robin misses school on Mondays.", version: 0 },
    });
    expect(first.status).toBe(200);
    expect(first.json.data).toMatchObject({ version: 1, text: "Robin misses school on Mondays." });

    const lost = await call(api, "PUT", path, {
      cookie: lead,
      body: { section: "worries", text: "Something else", version: 0 },
    });
    expect(lost.status).toBe(409);
    expect(lost.json.error).toMatchObject({
      code: "stale_version",
      details: { currentVersion: 1 },
    });

    const second = await call(api, "PUT", path, {
      cookie: lead,
      body: { section: "worries", text: "Mondays and Fridays.", version: 1 },
    });
    expect(second.json.data.version).toBe(2);
    const stale = await call(api, "PUT", path, {
      cookie: teamMember,
      body: { section: "worries", text: "Overwrite", version: 1 },
    });
    expect(stale.status).toBe(409);
    const [, entries] = await rowsOf(id);
    expect(entries.map((e) => [e.text, e.version])).toEqual([["Mondays and Fridays.", 2]]);
    const contributors = await api.deps.db
      .select()
      .from(assessmentContributors)
      .where(eq(assessmentContributors.assessmentId, id));
    expect(contributors.map((c) => c.userId).sort()).toEqual(
      [s.users.lead.id, s.users.teamMember.id].sort(),
    );
  });

  it("takes a child's voice only for a child and shows each family member only their own voice", async () => {
    const { s, lead, parent } = await assessingWorld();
    const { id } = await start(s, lead);
    const path = `${base(s)}/${id}/entries`;
    const wrong = await call(api, "PUT", path, {
      cookie: lead,
      body: { section: "child_voice", memberId: s.members.parent.id, text: "Hi", version: 0 },
    });
    expect(wrong.status).toBe(422);
    const noMember = await call(api, "PUT", path, {
      cookie: lead,
      body: { section: "family_story", memberId: s.members.child.id, text: "Hi", version: 0 },
    });
    expect(noMember.status).toBe(422);
    expect((await rowsOf(id))[1]).toEqual([]);

    for (const [section, memberId, text] of [
      ["child_voice", s.members.child.id, "I like football."],
      ["parent_voice", s.members.parent.id, "I want Robin to be happy."],
    ] as const) {
      const res = await call(api, "PUT", path, {
        cookie: lead,
        body: { section, memberId, text, version: 0 },
      });
      expect(res.status).toBe(200);
    }
    const asLead = await call(api, "GET", `${base(s)}/${id}`, { cookie: lead });
    expect(asLead.json.data.voices.map((v: { text: string }) => v.text).sort()).toEqual([
      "I like football.",
      "I want Robin to be happy.",
    ]);
    const asParent = await call(api, "GET", `${base(s)}/${id}`, { cookie: parent });
    expect(asParent.status).toBe(200);
    expect(asParent.json.data.voices).toEqual([
      expect.objectContaining({ memberId: s.members.parent.id, text: "I want Robin to be happy." }),
    ]);
    expect(asParent.json.data.can).toMatchObject({ write: false, submit: false });
  });
});

describe("scores", () => {
  it("records scores for a child of the family and refuses bad ones, changing nothing", async () => {
    const { s, lead, parent } = await assessingWorld();
    const { id } = await start(s, lead);
    const path = `${base(s)}/${id}/scores`;
    const bad = [
      { scores: [{ area: "education", score: 11 }] },
      { scores: [{ area: "education", score: -1 }] },
      { scores: [] },
      { scores: [{ area: "education", score: 4, memberId: s.members.parent.id }] },
      { scores: [{ area: "education", score: 4, memberId: s.otherParent.id }] },
      { scores: [{ area: "education", score: 4 }], scoredOn: "2099-01-01" },
    ];
    for (const body of bad) {
      const res = await call(api, "POST", path, { cookie: lead, body });
      expect([400, 422]).toContain(res.status);
      expect(res.json.error.code).toMatch(/validation_failed|unprocessable/);
    }
    const refused = await call(api, "POST", path, { cookie: parent, body: bad[0] });
    expect(refused.status).toBe(400);
    expect((await rowsOf(id))[2]).toEqual([]);

    const ok = await call(api, "POST", path, {
      cookie: lead,
      body: {
        scores: [
          { area: "education", memberId: s.members.child.id, score: 3, needs: "Mondays missed" },
          { area: "education", memberId: s.members.child.id, score: 5, scoredBy: "family" },
          { area: "housing", score: 6, note: "Landlord's letter seen" },
        ],
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.data).toHaveLength(3);
    const read = await call(api, "GET", `${base(s)}/${id}`, { cookie: parent });
    expect(read.json.data.scores).toHaveLength(3);
    // The practitioners' note is the team's; the family reads the score without it.
    const housingNote = (res: { json: { data: { scores: { area: string; note: unknown }[] } } }) =>
      res.json.data.scores.find((score) => score.area === "housing")?.note;
    expect(housingNote(read)).toBeNull();
    const asLead = await call(api, "GET", `${base(s)}/${id}`, { cookie: lead });
    expect(housingNote(asLead)).toBe("Landlord's letter seen");
  });
});

describe("sign-off", () => {
  it("submits when complete, refuses a lead's approval, and a manager's approval puts the plan in place", async () => {
    const { s, lead, manager, teamMember } = await assessingWorld();
    const { id, episodeId } = await start(s, lead);
    const step = (name: string, cookie: string, body: unknown = {}) =>
      call(api, "POST", `${base(s)}/${id}/${name}`, { cookie, body });

    const early = await step("submit", lead);
    expect(early.status).toBe(422);
    expect(early.json.error.details.missing).toEqual([
      "family_story",
      "working_well",
      "worries",
      "analysis",
      "next_steps",
      "scores",
    ]);
    const notAllowed = await step("complete", lead);
    expect(notAllowed.status).toBe(409);

    await fillAssessment(api.deps.db, { id, familyId: s.family.id, episodeId }, s.users.lead.id);
    expect((await step("approve", manager)).status).toBe(409);
    const submitted = await step("submit", lead);
    expect(submitted.status).toBe(200);
    expect(submitted.json.data).toMatchObject({
      status: "submitted",
      submittedBy: { userId: s.users.lead.id },
    });

    const frozen = await call(api, "PUT", `${base(s)}/${id}/entries`, {
      cookie: teamMember,
      body: { section: "worries", text: "late change", version: 1 },
    });
    expect(frozen.status).toBe(409);

    const before = await rowsOf(id);
    const byLead = await step("approve", lead);
    expect(byLead.status).toBe(403);
    const byTeamMember = await step("return", teamMember, { comments: "No" });
    expect(byTeamMember.status).toBe(403);
    expect(await rowsOf(id)).toEqual(before);

    const approved = await step("approve", manager);
    expect(approved.status).toBe(200);
    expect(approved.json.data).toMatchObject({
      status: "completed",
      completedBy: { userId: s.users.manager.id },
      decidedBy: { userId: s.users.manager.id },
    });
    const [episode] = await api.deps.db.select().from(episodes).where(eq(episodes.id, episodeId));
    expect(episode?.status).toBe("plan_in_place");
    expect(episode?.planInPlaceAt).toEqual(api.clock.now);
    const [family] = await api.deps.db.select().from(families).where(eq(families.id, s.family.id));
    expect(family?.status).toBe("plan_active");
    const events = await api.deps.db
      .select()
      .from(episodeEvents)
      .where(
        and(eq(episodeEvents.episodeId, episodeId), eq(episodeEvents.kind, "assessment_completed")),
      );
    expect(events).toHaveLength(1);

    const reassessment = await start(s, lead);
    const [row] = await api.deps.db
      .select()
      .from(assessments)
      .where(eq(assessments.id, reassessment.id));
    expect(row?.kind).toBe("reassessment");
  });

  it("returns with comments, so the lead can write again; completes without sign-off where none is needed", async () => {
    const { s, lead, manager } = await assessingWorld();
    const { id, episodeId } = await start(s, lead);
    const step = (name: string, cookie: string, body: unknown = {}) =>
      call(api, "POST", `${base(s)}/${id}/${name}`, { cookie, body });
    await fillAssessment(api.deps.db, { id, familyId: s.family.id, episodeId }, s.users.lead.id);
    await step("submit", lead);
    const returned = await step("return", manager, { comments: "Add Robin's own words." });
    expect(returned.json.data).toMatchObject({
      status: "returned",
      returnComments: "Add Robin's own words.",
    });
    expect(returned.json.data.can).toMatchObject({ approve: false, return: false });

    await api.deps.db
      .update(localAuthorities)
      .set({ assessmentSignOffRequired: false })
      .where(eq(localAuthorities.id, s.authority.id));
    expect((await step("submit", lead)).status).toBe(409);
    const completed = await step("complete", lead);
    expect(completed.status).toBe(200);
    expect(completed.json.data).toMatchObject({
      status: "completed",
      completedBy: { userId: s.users.lead.id },
    });
  });
});
