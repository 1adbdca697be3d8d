import { actions, auditEvents, outcomes, planSignOffs, signOffDecisions } from "@teamaround/db";
import {
  buildAction,
  buildOutcome,
  buildPlanSignOff,
  buildScenario,
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

/** A family whose authority asks for plans to be signed off, with one outcome and one action. */
async function world(options: { planSignOff?: boolean } = {}) {
  const s = await buildScenario(api.deps.db);
  await setSignOffRequired(api.deps.db, s.authority.id, { plan: options.planSignOff ?? true });
  const outcome = await buildOutcome(api.deps.db, {
    familyId: s.family.id,
    title: "Robin goes to school every day",
    createdBy: s.users.lead.id,
  });
  const action = await buildAction(api.deps.db, {
    familyId: s.family.id,
    outcomeId: outcome.id,
    createdBy: s.users.lead.id,
    text: "Walk Robin to school",
    owners: [{ memberId: s.members.parent.id }],
  });
  return {
    s,
    outcome,
    action,
    path: `/api/families/${s.family.id}/plan-sign-offs`,
    lead: await as(s.users.lead.id),
    manager: await as(s.users.manager.id),
    teamMember: await as(s.users.teamMember.id),
    parent: await as(s.users.parentUser.id),
    outsider: await as(s.users.outsider.id),
  };
}

describe("signing off the plan", () => {
  it("is not asked for by default: submitting is refused (409)", async () => {
    const { path, lead } = await world({ planSignOff: false });
    const view = await call(api, "GET", path, { cookie: lead });
    expect(view.status).toBe(200);
    expect(view.json.data).toMatchObject({
      signOffRequired: false,
      current: null,
      lastApproved: null,
      can: { submit: false, approve: false, return: false },
    });
    const res = await call(api, "POST", path, { cookie: lead, body: {} });
    expect(res.status).toBe(409);
  });

  it("keeps the plan as submitted, and tells staff when it changed since approved", async () => {
    const { s, outcome, action, path, lead, manager, teamMember } = await world();
    const submitted = await call(api, "POST", path, { cookie: lead, body: {} });
    expect(submitted.status).toBe(201);
    const id = submitted.json.data.current.id as string;
    expect(submitted.json.data.current).toMatchObject({
      status: "waiting",
      submittedBy: { userId: s.users.lead.id },
      changedSince: false,
      plan: {
        outcomes: [{ id: outcome.id, title: "Robin goes to school every day" }],
        actions: [{ id: action.id, text: "Walk Robin to school" }],
      },
    });
    expect((await call(api, "POST", path, { cookie: lead, body: {} })).status).toBe(409);

    const waiting = await call(api, "GET", "/api/manager/sign-offs", { cookie: manager });
    expect(waiting.json.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: "plan", subjectId: id, familyId: s.family.id }),
      ]),
    );

    aMinuteLater();
    const approved = await call(api, "POST", `${path}/${id}/approve`, {
      cookie: manager,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(approved.json.data).toMatchObject({
      current: { id, status: "approved", changedSince: false },
      lastApproved: { id, changedSince: false },
      history: [{ decision: "approved" }],
    });

    // Progress is not a change: the parent's action done leaves the plan as approved.
    await api.deps.db
      .update(actions)
      .set({ status: "done", completedAt: api.clock.now })
      .where(eq(actions.id, action.id));
    const afterProgress = await call(api, "GET", path, { cookie: teamMember });
    expect(afterProgress.json.data.lastApproved.changedSince).toBe(false);

    // The plan stays editable; an edit after approval shows.
    const edited = await call(api, "PATCH", `/api/families/${s.family.id}/outcomes/${outcome.id}`, {
      cookie: lead,
      body: { version: 1, measure: "Every day this half term" },
    });
    expect(edited.status).toBe(200);
    const afterEdit = await call(api, "GET", path, { cookie: teamMember });
    expect(afterEdit.json.data).toMatchObject({
      current: { id, status: "approved", changedSince: true },
      lastApproved: { id, changedSince: true },
      can: { submit: false },
    });
    const leadView = await call(api, "GET", path, { cookie: lead });
    expect(leadView.json.data.can).toEqual({ submit: true, approve: false, return: false });
    expect(
      await api.deps.db
        .select({ measure: outcomes.measure })
        .from(outcomes)
        .where(eq(outcomes.id, outcome.id)),
    ).toEqual([{ measure: "Every day this half term" }]);
  });

  it("keeps every decision when a returned plan is submitted again", async () => {
    const { s, path, lead, manager } = await world();
    const first = await call(api, "POST", path, { cookie: lead, body: {} });
    const firstId = first.json.data.current.id as string;
    aMinuteLater();
    const returned = await call(api, "POST", `${path}/${firstId}/return`, {
      cookie: manager,
      body: { comments: "Give each action a date the family agreed." },
    });
    expect(returned.status).toBe(200);
    expect(returned.json.data.current).toMatchObject({
      status: "returned",
      returnComments: "Give each action a date the family agreed.",
    });
    aMinuteLater();
    const second = await call(api, "POST", path, { cookie: lead, body: {} });
    const secondId = second.json.data.current.id as string;
    const queue = await call(api, "GET", "/api/manager/sign-offs", { cookie: manager });
    expect(
      queue.json.data.find((i: { familyId: string }) => i.familyId === s.family.id),
    ).toMatchObject({
      subject: "plan",
      subjectId: secondId,
      history: [{ decision: "returned", comments: "Give each action a date the family agreed." }],
    });
    aMinuteLater();
    expect(
      (await call(api, "POST", `${path}/${secondId}/approve`, { cookie: manager, body: {} }))
        .status,
    ).toBe(200);
    const rows = await api.deps.db
      .select()
      .from(signOffDecisions)
      .where(and(eq(signOffDecisions.familyId, s.family.id), eq(signOffDecisions.subject, "plan")))
      .orderBy(asc(signOffDecisions.decidedAt));
    expect(rows.map((r) => [r.decision, r.subjectId, r.decidedBy])).toEqual([
      ["returned", firstId, s.users.manager.id],
      ["approved", secondId, s.users.manager.id],
    ]);
    const events = await api.deps.db
      .select({ event: auditEvents.event })
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id));
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        "plan_sign_off.submit",
        "plan_sign_off.return",
        "plan_sign_off.approve",
      ]),
    );
    // Nothing about sign-off is announced to the family's live rooms.
    expect(api.events.filter((e) => "familyId" in e && e.familyId === s.family.id)).toEqual([]);
  });

  it("treats a waiting submission as the current one whatever its date (409, not a second)", async () => {
    const { s, path, lead } = await world();
    const at = (iso: string) => new Date(iso);
    await buildPlanSignOff(api.deps.db, {
      familyId: s.family.id,
      submittedBy: s.users.lead.id,
      status: "waiting",
      submittedAt: at("2026-01-05T10:00:00Z"),
    });
    await buildPlanSignOff(api.deps.db, {
      familyId: s.family.id,
      submittedBy: s.users.lead.id,
      status: "approved",
      submittedAt: at("2026-02-05T10:00:00Z"),
    });
    const view = await call(api, "GET", path, { cookie: lead });
    expect(view.json.data.current).toMatchObject({ status: "waiting" });
    expect(view.json.data.can.submit).toBe(false);
    const res = await call(api, "POST", path, { cookie: lead, body: {} });
    expect(res.status).toBe(409);
    const waiting = await api.deps.db
      .select()
      .from(planSignOffs)
      .where(and(eq(planSignOffs.familyId, s.family.id), eq(planSignOffs.status, "waiting")));
    expect(waiting).toHaveLength(1);
  });

  it("refuses a plan with no outcomes (422)", async () => {
    const s = await buildScenario(api.deps.db);
    await setSignOffRequired(api.deps.db, s.authority.id, { plan: true });
    const res = await call(api, "POST", `/api/families/${s.family.id}/plan-sign-offs`, {
      cookie: await as(s.users.lead.id),
      body: {},
    });
    expect(res.status).toBe(422);
    expect(
      await api.deps.db.select().from(planSignOffs).where(eq(planSignOffs.familyId, s.family.id)),
    ).toEqual([]);
  });

  it("lets only the lead submit and the case's managers decide; the family never sees it", async () => {
    const { s, path, lead, manager, teamMember, parent, outsider } = await world();
    expect((await call(api, "POST", path, { cookie: teamMember, body: {} })).status).toBe(403);
    expect((await call(api, "POST", path, { cookie: manager, body: {} })).status).toBe(403);
    const submitted = await call(api, "POST", path, { cookie: lead, body: {} });
    const id = submitted.json.data.current.id as string;
    for (const [cookie, status] of [
      [lead, 403],
      [teamMember, 403],
      [parent, 403],
      [outsider, 404],
    ] as const) {
      expect((await call(api, "POST", `${path}/${id}/approve`, { cookie, body: {} })).status).toBe(
        status,
      );
    }
    expect((await call(api, "GET", path, { cookie: parent })).status).toBe(403);
    const other = await as(s.users.otherParentUser.id);
    expect((await call(api, "GET", path, { cookie: other })).status).toBe(404);
    expect(
      await api.deps.db
        .select()
        .from(signOffDecisions)
        .where(eq(signOffDecisions.familyId, s.family.id)),
    ).toEqual([]);
    const refused = await call(api, "POST", `${path}/${id}/return`, {
      cookie: manager,
      body: { comments: "" },
    });
    expect(refused.status).toBe(400);
  });
});
