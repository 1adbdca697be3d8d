import { auditEvents, teamMemberships } from "@teamaround/db";
import {
  buildConsent,
  buildFamily,
  buildMember,
  buildScenario,
  buildTeamMember,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAction, buildOutcome, dayOffset } from "./plan-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterEach(() => {
  api.clock.now = new Date();
});
afterAll(() => api.close());

type Owner = { userId: string } | { memberId: string };

async function actionIn(
  familyId: string,
  createdBy: string,
  owner: Owner,
  dueIn: number,
  status: "open" | "done" = "open",
) {
  const outcome = await buildOutcome(api.deps.db, { familyId, createdBy });
  return buildAction(api.deps.db, {
    familyId,
    outcomeId: outcome.id,
    createdBy,
    owners: [owner],
    dueDate: dayOffset(new Date(), dueIn),
    status,
    text: `due in ${dueIn} (${status})`,
  });
}

/** The lead owns actions in their scenario family, a second family they lead, and a family they left. */
async function caseloadWorld() {
  const db = api.deps.db;
  const s = await buildScenario(db);
  const lead = s.users.lead;
  const me = { userId: lead.id };
  const second = await buildFamily(db, { lead, status: "plan_active" });
  const left = await buildFamily(db, { lead: s.users.otherLead, status: "plan_active" });
  const leftParent = await buildMember(db, { familyId: left.id, parentalResponsibility: true });
  const consent = await buildConsent(db, {
    familyId: left.id,
    givenByMemberId: leftParent.id,
    agencyIds: [s.agencies.school.id],
    obtainedBy: s.users.otherLead.id,
  });
  await buildTeamMember(db, { familyId: left.id, userId: lead.id, consentId: consent.id });
  const a10 = await actionIn(s.family.id, lead.id, me, 10);
  const b2 = await actionIn(second.id, lead.id, me, 2);
  const a5 = await actionIn(s.family.id, lead.id, me, 5);
  const b1done = await actionIn(second.id, lead.id, me, 1, "done");
  const gone = await actionIn(left.id, s.users.otherLead.id, me, 3);
  const parents = await actionIn(s.family.id, lead.id, { memberId: s.members.parent.id }, 4);
  await db
    .update(teamMemberships)
    .set({ removedAt: new Date(), removedReason: "case handed over" })
    .where(and(eq(teamMemberships.familyId, left.id), eq(teamMemberships.userId, lead.id)));
  return { s, second, left, a10, b2, a5, b1done, gone, parents };
}

const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((a) => a.id);

/** The "my actions" reads recorded for one person. */
function listReadsBy(actorId: string) {
  return api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.event, "my_actions.list"), eq(auditEvents.actorId, actorId)));
}

describe("GET /api/my/actions", () => {
  it("lists my open actions by due date, without families I have left or others' actions", async () => {
    const w = await caseloadWorld();
    const res = await call(api, "GET", "/api/my/actions", {
      cookie: await sessionCookieFor(api, w.s.users.lead.id),
    });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([w.b2.id, w.a5.id, w.a10.id]);
    expect(res.json.data[0]).toMatchObject({
      familyId: w.second.id,
      familyReference: w.second.reference,
      familyDisplayName: w.second.displayName,
      outcomeTitle: expect.any(String),
      overdue: false,
      version: 1,
      canUpdate: true,
    });
  });

  it("puts overdue actions first once their due date has passed", async () => {
    const w = await caseloadWorld();
    api.clock.now = new Date(api.clock.now.getTime() + 6 * 86_400_000);
    const res = await call(api, "GET", "/api/my/actions?status=all", {
      cookie: await sessionCookieFor(api, w.s.users.lead.id),
    });
    expect(res.status).toBe(200);
    // Overdue (open, past due) first; then the rest by due date, the done one included.
    expect(ids(res)).toEqual([w.b2.id, w.a5.id, w.b1done.id, w.a10.id]);
    expect(res.json.data.map((a: { overdue: boolean }) => a.overdue)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("filters by status", async () => {
    const w = await caseloadWorld();
    const res = await call(api, "GET", "/api/my/actions?status=done", {
      cookie: await sessionCookieFor(api, w.s.users.lead.id),
    });
    expect(ids(res)).toEqual([w.b1done.id]);
    const bad = await call(api, "GET", "/api/my/actions?status=overdue", {
      cookie: await sessionCookieFor(api, w.s.users.lead.id),
    });
    expect(bad.status).toBe(400);
  });

  it("shows a parent only the actions of their own member record", async () => {
    const w = await caseloadWorld();
    const mine = await call(api, "GET", "/api/my/actions", {
      cookie: await sessionCookieFor(api, w.s.users.parentUser.id),
    });
    expect(ids(mine)).toEqual([w.parents.id]);
    expect(mine.json.data[0].canUpdate).toBe(true);
    const other = await call(api, "GET", "/api/my/actions", {
      cookie: await sessionCookieFor(api, w.s.users.otherParentUser.id),
    });
    expect(ids(other)).toEqual([]);
  });

  it("records the read in the log of each family shown", async () => {
    const w = await caseloadWorld();
    await call(api, "GET", "/api/my/actions", {
      cookie: await sessionCookieFor(api, w.s.users.lead.id),
    });
    const rows = await listReadsBy(w.s.users.lead.id);
    expect(rows.map((r) => r.familyId).sort()).toEqual([w.s.family.id, w.second.id].sort());
    const byFamily = new Map(rows.map((r) => [r.familyId, r]));
    expect(byFamily.get(w.s.family.id)).toMatchObject({
      actorRole: "practitioner",
      resourceType: "action",
      details: { status: "open", actionIds: [w.a5.id, w.a10.id] },
    });
    expect(byFamily.get(w.second.id)?.details).toEqual({ status: "open", actionIds: [w.b2.id] });
  });

  it("records an empty list as one event with a count of 0, and a parent's read per family", async () => {
    const s = await buildScenario(api.deps.db);
    await call(api, "GET", "/api/my/actions?status=done", {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
    });
    const staff = await listReadsBy(s.users.teamMember.id);
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ familyId: null, details: { status: "done", count: 0 } });

    const w = await caseloadWorld();
    await call(api, "GET", "/api/my/actions", {
      cookie: await sessionCookieFor(api, w.s.users.parentUser.id),
    });
    const parent = await listReadsBy(w.s.users.parentUser.id);
    expect(parent.map((r) => [r.familyId, r.details])).toEqual([
      [w.s.family.id, { status: "open", actionIds: [w.parents.id] }],
    ]);
  });

  it("refuses administrators and anyone signed out", async () => {
    const s = await buildScenario(api.deps.db);
    const admin = await call(api, "GET", "/api/my/actions", {
      cookie: await sessionCookieFor(api, s.users.administrator.id),
    });
    expect(admin.status).toBe(403);
    expect((await call(api, "GET", "/api/my/actions")).status).toBe(401);
  });
});
