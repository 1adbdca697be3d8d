import {
  actions,
  assessments,
  auditEvents,
  episodes,
  families,
  signOffDecisions,
  teamMemberships,
} from "@teamaround/db";
import {
  buildAction,
  buildAgency,
  buildAssessment,
  buildClosureProposal,
  buildFamily,
  buildOutcome,
  buildPlanSignOff,
  buildScenario,
  buildUser,
  dayOffset,
  fillAssessment,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/**
 * The scenario's manager (of the lead's service, the school) and a second
 * family led by a housing practitioner the manager line-manages.
 */
async function world() {
  const db = api.deps.db;
  const s = await buildScenario(db);
  const managedLead = await buildUser(db, {
    authorityId: s.authority.id,
    role: "practitioner",
    agencyId: s.agencies.housing.id,
    managerId: s.users.manager.id,
  });
  const managedFamily = await buildFamily(db, { lead: managedLead });
  const cookie = (userId: string) => sessionCookieFor(api, userId);
  return { s, managedLead, managedFamily, manager: await cookie(s.users.manager.id), cookie };
}

async function auditCount(userId: string, event: string) {
  const rows = await api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, userId), eq(auditEvents.event, event)));
  return rows;
}

describe("the caseload", () => {
  it("lists the open cases of the manager's service and of the leads they manage, with one audit event", async () => {
    const { s, managedFamily, managedLead, manager } = await world();
    const res = await call(api, "GET", "/api/manager/caseload", { cookie: manager });
    expect(res.status).toBe(200);
    const ids = res.json.data.map((r: { familyId: string }) => r.familyId);
    expect(ids.sort()).toEqual([s.family.id, managedFamily.id].sort());
    expect(ids).not.toContain(s.otherFamily.id);
    expect(res.json.total).toBe(2);
    expect(res.json.perLead).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ leadUserId: s.users.lead.id, open: 1 }),
        expect.objectContaining({ leadUserId: managedLead.id, open: 1 }),
      ]),
    );
    const audits = await auditCount(s.users.manager.id, "manager.caseload.read");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ count: 2 });
  });

  it("filters by lead, level of need, status, locality and age, and refuses a bad filter (400)", async () => {
    const { s, managedLead, manager } = await world();
    await api.deps.db
      .update(families)
      .set({ levelOfNeed: 3, locality: "North" })
      .where(eq(families.id, s.family.id));
    const get = (query: string) =>
      call(api, "GET", `/api/manager/caseload?${query}`, { cookie: manager });
    const ids = async (query: string) =>
      (await get(query)).json.data.map((r: { familyId: string }) => r.familyId);
    expect(await ids(`lead=${s.users.lead.id}`)).toEqual([s.family.id]);
    expect(await ids(`lead=${managedLead.id}&levelOfNeed=3`)).toEqual([]);
    expect(await ids("levelOfNeed=3")).toEqual([s.family.id]);
    expect(await ids("locality=North")).toEqual([s.family.id]);
    expect(await ids("age=over_12_months")).toEqual([]);
    expect((await get("status=closed")).status).toBe(400);
    expect((await get("lead=someone")).status).toBe(400);
  });

  it("shows another service's manager none of these cases, and refuses practitioners", async () => {
    const { s, cookie } = await world();
    const elsewhere = await buildAgency(api.deps.db, { authorityId: s.authority.id });
    const otherManager = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: elsewhere.id,
    });
    const res = await call(api, "GET", "/api/manager/caseload", {
      cookie: await cookie(otherManager.id),
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([]);
    const drift = await call(api, "GET", "/api/manager/drift", {
      cookie: await cookie(otherManager.id),
    });
    expect(drift.json.data).toEqual([]);
    for (const path of ["/api/manager/caseload", "/api/manager/drift", "/api/manager/sign-offs"]) {
      const refused = await call(api, "GET", path, { cookie: await cookie(s.users.lead.id) });
      expect(refused.status).toBe(403);
    }
  });
});

describe("the drift queue", () => {
  it("shows late assessments, overdue actions and cases nobody leads, most late first, with one audit event", async () => {
    const { s, manager } = await world();
    const db = api.deps.db;
    const now = api.clock.now;
    // A case of the service whose lead has left and nobody has taken over.
    const unled = await buildFamily(db, { lead: s.users.lead });
    // The family's episode opened 120 days ago and is still being assessed.
    await db
      .update(episodes)
      .set({
        status: "assessment",
        planInPlaceAt: null,
        openedAt: new Date(now.getTime() - 120 * 86_400_000),
      })
      .where(eq(episodes.familyId, s.family.id));
    const outcome = await buildOutcome(db, { familyId: s.family.id, createdBy: s.users.lead.id });
    const late = await buildAction(db, {
      familyId: s.family.id,
      outcomeId: outcome.id,
      createdBy: s.users.lead.id,
      owners: [{ userId: s.users.lead.id }],
      text: "Book the GP",
      dueDate: dayOffset(now, -20),
    });
    await buildAction(db, {
      familyId: s.family.id,
      outcomeId: outcome.id,
      createdBy: s.users.lead.id,
      owners: [],
      dueDate: dayOffset(now, -14),
    });
    await db
      .update(teamMemberships)
      .set({ removedAt: now, removedReason: "left" })
      .where(
        and(eq(teamMemberships.familyId, unled.id), eq(teamMemberships.role, "lead_professional")),
      );

    const res = await call(api, "GET", "/api/manager/drift", { cookie: manager });
    expect(res.status).toBe(200);
    const items = res.json.data as {
      kind: string;
      familyId: string;
      subjectId: string;
      daysLate: number;
    }[];
    expect(items.map((i) => i.kind).sort()).toEqual(
      ["action_overdue", "assessment_late", "no_lead_professional"].sort(),
    );
    expect(items.find((i) => i.kind === "action_overdue")).toMatchObject({
      subjectId: late.id,
      daysLate: 20,
      label: "Action overdue",
    });
    const lateness = items.map((i) => i.daysLate);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    expect(items.some((i) => i.familyId === s.otherFamily.id)).toBe(false);
    expect(res.json).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(res.json.counts).toContainEqual({
      kind: "action_overdue",
      label: "Action overdue",
      count: 1,
    });
    // The page's audit event is written with the read, naming every family shown.
    const [read] = await auditCount(s.users.manager.id, "manager.drift.read");
    expect(await auditCount(s.users.manager.id, "manager.drift.read")).toHaveLength(1);
    expect(read).toMatchObject({ actorRole: "manager", resourceType: "manager_workspace" });
    const shownFamilies = [...new Set(items.map((i) => i.familyId).filter(Boolean))].sort();
    expect(read?.details).toEqual({ count: 3, familyIds: shownFamilies });

    // One kind at a time; a page past the end is empty; a bad page or kind is refused.
    const get = (query: string) =>
      call(api, "GET", `/api/manager/drift?${query}`, { cookie: manager });
    const actionsOnly = await get("kind=action_overdue");
    expect(actionsOnly.json.data.map((i: { subjectId: string }) => i.subjectId)).toEqual([late.id]);
    expect(actionsOnly.json.total).toBe(1);
    expect(actionsOnly.json.counts).toHaveLength(8);
    expect((await get("page=2")).json).toMatchObject({ data: [], page: 2, total: 3 });
    expect((await get("page=0")).status).toBe(400);
    expect((await get("kind=late")).status).toBe(400);

    // Done, the action leaves the queue at once: the stored items follow every write.
    await db.update(actions).set({ status: "done" }).where(eq(actions.id, late.id));
    expect((await get("kind=action_overdue")).json.total).toBe(0);
  });
});

describe("the sign-off queue", () => {
  it("lists submitted assessments and keeps every decision across resubmissions", async () => {
    const { s, manager, cookie } = await world();
    const db = api.deps.db;
    await db
      .update(episodes)
      .set({ status: "assessment", planInPlaceAt: null })
      .where(eq(episodes.familyId, s.family.id));
    const lead = await cookie(s.users.lead.id);
    const base = `/api/families/${s.family.id}/assessments`;
    const started = await call(api, "POST", base, { cookie: lead, body: {} });
    const { id, episodeId } = started.json.data as { id: string; episodeId: string };
    await fillAssessment(db, { id, familyId: s.family.id, episodeId }, s.users.lead.id);
    const step = (name: string, who: string, body: unknown = {}) =>
      call(api, "POST", `${base}/${id}/${name}`, { cookie: who, body });

    expect((await step("submit", lead)).status).toBe(200);
    const queue = async () =>
      (await call(api, "GET", "/api/manager/sign-offs", { cookie: manager })).json.data;
    expect(await queue()).toMatchObject([
      { subject: "assessment", subjectId: id, familyId: s.family.id, history: [] },
    ]);

    expect((await step("return", manager, { comments: "Add Robin's words." })).status).toBe(200);
    expect(await queue()).toEqual([]);
    expect((await step("submit", lead)).status).toBe(200);
    const [waiting] = await queue();
    expect(waiting.history).toMatchObject([
      { decision: "returned", comments: "Add Robin's words." },
    ]);

    expect((await step("approve", manager)).status).toBe(200);
    const decisions = await db
      .select()
      .from(signOffDecisions)
      .where(eq(signOffDecisions.subjectId, id))
      .orderBy(signOffDecisions.decidedAt);
    expect(decisions.map((d) => [d.decision, d.decidedBy, d.episodeId])).toEqual([
      ["returned", s.users.manager.id, episodeId],
      ["approved", s.users.manager.id, episodeId],
    ]);
    expect(await auditCount(s.users.manager.id, "manager.sign_offs.read")).toHaveLength(3);
  });

  it("lists assessments, plans and closures together, longest waiting first", async () => {
    const { s, managedFamily, managedLead, manager } = await world();
    const db = api.deps.db;
    const now = api.clock.now.getTime();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    const assessment = await buildAssessment(db, {
      familyId: managedFamily.id,
      startedBy: managedLead.id,
      status: "submitted",
    });
    await db
      .update(assessments)
      .set({ submittedAt: daysAgo(2), submittedBy: managedLead.id })
      .where(eq(assessments.id, assessment.id));
    const closure = await buildClosureProposal(db, {
      familyId: s.family.id,
      proposedBy: s.users.lead.id,
      proposedAt: daysAgo(5),
    });
    const plan = await buildPlanSignOff(db, {
      familyId: managedFamily.id,
      submittedBy: managedLead.id,
      submittedAt: daysAgo(1),
    });
    // Neither another family's closure nor a returned one waits for this manager.
    await buildClosureProposal(db, { familyId: s.otherFamily.id, proposedBy: s.users.lead.id });
    const res = await call(api, "GET", "/api/manager/sign-offs", { cookie: manager });
    expect(
      res.json.data.map((i: { subject: string; subjectId: string; submittedByName: string }) => [
        i.subject,
        i.subjectId,
      ]),
    ).toEqual([
      ["closure", closure.id],
      ["assessment", assessment.id],
      ["plan", plan.id],
    ]);
  });

  it("a refused decision writes no history", async () => {
    const { s, cookie } = await world();
    const lead = await cookie(s.users.lead.id);
    const db = api.deps.db;
    await db
      .update(episodes)
      .set({ status: "assessment", planInPlaceAt: null })
      .where(eq(episodes.familyId, s.family.id));
    const started = await call(api, "POST", `/api/families/${s.family.id}/assessments`, {
      cookie: lead,
      body: {},
    });
    const { id } = started.json.data as { id: string };
    const res = await call(api, "POST", `/api/families/${s.family.id}/assessments/${id}/return`, {
      cookie: await cookie(s.users.manager.id),
      body: { comments: "Not submitted yet" },
    });
    expect(res.status).toBe(409);
    expect(
      await db.select().from(signOffDecisions).where(eq(signOffDecisions.subjectId, id)),
    ).toEqual([]);
  });
});
