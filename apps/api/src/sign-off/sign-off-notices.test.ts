import { episodes, families, notices } from "@teamaround/db";
import {
  buildOutcome,
  buildScenario,
  buildUser,
  fillAssessment,
  type Scenario,
  setSignOffRequired,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const as = (userId: string) => sessionCookieFor(api, userId);

/** The sign-off notices written about one family, by recipient and channel. */
async function signOffNotices(familyId: string) {
  const rows = await api.deps.db
    .select()
    .from(notices)
    .where(and(eq(notices.familyId, familyId), eq(notices.kind, "sign_off_waiting")));
  return rows.map((r) => ({ to: r.recipientUserId, channel: r.channel, variables: r.variables }));
}

/** A second manager of the case's service, and a manager elsewhere who must not hear. */
async function managers(s: Scenario) {
  const second = await buildUser(api.deps.db, {
    authorityId: s.authority.id,
    role: "manager",
    agencyId: s.agencies.school.id,
  });
  const elsewhere = await buildUser(api.deps.db, {
    authorityId: s.authority.id,
    role: "manager",
    agencyId: s.agencies.housing.id,
  });
  return { second, elsewhere };
}

describe("managers hear of what waits for their sign-off", () => {
  it("an assessment submitted: each manager of the service, in the app and by email", async () => {
    const s = await buildScenario(api.deps.db);
    const { second, elsewhere } = await managers(s);
    await api.deps.db
      .update(families)
      .set({ status: "assessment_started" })
      .where(eq(families.id, s.family.id));
    await api.deps.db
      .update(episodes)
      .set({ status: "assessment", planInPlaceAt: null })
      .where(eq(episodes.familyId, s.family.id));
    const lead = await as(s.users.lead.id);
    const base = `/api/families/${s.family.id}/assessments`;
    const started = await call(api, "POST", base, { cookie: lead, body: {} });
    const { id, episodeId } = started.json.data;
    // Not ready yet: refused, and nobody is told.
    expect(
      (await call(api, "POST", `${base}/${id}/submit`, { cookie: lead, body: {} })).status,
    ).toBe(422);
    expect(await signOffNotices(s.family.id)).toEqual([]);

    await fillAssessment(api.deps.db, { id, familyId: s.family.id, episodeId }, s.users.lead.id);
    expect(
      (await call(api, "POST", `${base}/${id}/submit`, { cookie: lead, body: {} })).status,
    ).toBe(200);
    const told = await signOffNotices(s.family.id);
    expect(told).toHaveLength(4);
    expect(new Set(told.map((n) => n.to))).toEqual(new Set([s.users.manager.id, second.id]));
    expect(told.map((n) => n.to)).not.toContain(elsewhere.id);
    expect(told[0]?.variables).toEqual({
      subject: "assessment",
      familyId: s.family.id,
      assessmentId: id,
    });
  });

  it("a closure proposed and a plan submitted", async () => {
    const s = await buildScenario(api.deps.db);
    await setSignOffRequired(api.deps.db, s.authority.id, { plan: true });
    const outcome = await buildOutcome(api.deps.db, {
      familyId: s.family.id,
      title: "Robin goes to school every day",
      createdBy: s.users.lead.id,
    });
    const lead = await as(s.users.lead.id);
    const plan = await call(api, "POST", `/api/families/${s.family.id}/plan-sign-offs`, {
      cookie: lead,
      body: {},
    });
    expect(plan.status).toBe(201);
    const proposed = await call(api, "POST", `/api/families/${s.family.id}/closure-proposals`, {
      cookie: lead,
      body: {
        reason: "outcomes_met",
        summary: "Robin is back in school.",
        scores: [
          { area: "education", memberId: s.members.child.id, score: 8 },
          { area: "family_relationships", score: 7 },
        ],
        outcomeResults: [{ outcomeId: outcome.id, result: "met" }],
      },
    });
    expect(proposed.status).toBe(201);
    const told = (await signOffNotices(s.family.id)).filter((n) => n.channel === "email");
    expect(told.map((n) => n.variables.subject).sort()).toEqual(["closure", "plan"]);
    expect(told.every((n) => n.to === s.users.manager.id)).toBe(true);
  });
});
