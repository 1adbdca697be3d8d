import { auditEvents, closureProposals, families, notices, signOffDecisions } from "@teamaround/db";
import { buildOutcome, buildScenario, type Scenario } from "@teamaround/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const as = (userId: string) => sessionCookieFor(api, userId);
const path = (s: Scenario) => `/api/families/${s.family.id}/closure-proposals`;

/** A family whose lead has proposed closing the case, waiting for a manager. */
async function waitingWorld() {
  const s = await buildScenario(api.deps.db);
  const outcome = await buildOutcome(api.deps.db, {
    familyId: s.family.id,
    title: "Robin goes to school every day",
    createdBy: s.users.lead.id,
  });
  const lead = await as(s.users.lead.id);
  const body = {
    reason: "outcomes_met",
    summary: "Robin is back in school.",
    scores: [{ area: "education", memberId: s.members.child.id, score: 8 }],
    outcomeResults: [{ outcomeId: outcome.id, result: "met" }],
  };
  const proposed = await call(api, "POST", path(s), { cookie: lead, body });
  expect(proposed.status).toBe(201);
  return {
    s,
    body,
    proposalId: proposed.json.data.current.id as string,
    lead,
    manager: await as(s.users.manager.id),
    teamMember: await as(s.users.teamMember.id),
  };
}

const withdraw = (s: Scenario, proposalId: string, cookie: string, body: unknown = {}) =>
  call(api, "POST", `${path(s)}/${proposalId}/withdraw`, { cookie, body });

/** What a withdrawal changes: none of it may move when one is refused. */
async function standing(familyId: string) {
  const db = api.deps.db;
  return {
    family: await db.select().from(families).where(eq(families.id, familyId)),
    proposals: await db
      .select()
      .from(closureProposals)
      .where(eq(closureProposals.familyId, familyId)),
    decisions: await db
      .select()
      .from(signOffDecisions)
      .where(eq(signOffDecisions.familyId, familyId))
      .orderBy(asc(signOffDecisions.decidedAt)),
    withdrawals: await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, familyId), eq(auditEvents.event, "closure.withdraw"))),
    notices: await db
      .select({ id: notices.id })
      .from(notices)
      .where(and(eq(notices.familyId, familyId), eq(notices.kind, "sign_off_waiting"))),
  };
}

const queued = async (cookie: string, familyId: string) =>
  (
    (await call(api, "GET", "/api/manager/sign-offs", { cookie })).json.data as {
      familyId: string;
    }[]
  ).some((i) => i.familyId === familyId);

describe("the lead withdrawing a closure proposal", () => {
  it("takes it back: the case stays as it was, the queue drops it, the history and the audit keep it", async () => {
    const { s, proposalId, lead, manager } = await waitingWorld();
    const before = await standing(s.family.id);
    expect(before.notices.length).toBeGreaterThan(0);
    expect(await queued(manager, s.family.id)).toBe(true);
    const offered = await call(api, "GET", path(s), { cookie: lead });
    expect(offered.json.data.can).toMatchObject({ withdraw: true, propose: false });

    const res = await withdraw(s, proposalId, lead, { reason: "  Robin asked for more time.  " });
    expect(res.status).toBe(200);
    expect(res.json.data.current).toMatchObject({ id: proposalId, status: "withdrawn" });
    expect(res.json.data.history).toEqual([
      expect.objectContaining({ decision: "withdrawn", comments: "Robin asked for more time." }),
    ]);
    expect(res.json.data.can).toEqual({
      close: false,
      propose: true,
      approve: false,
      return: false,
      withdraw: false,
    });

    const after = await standing(s.family.id);
    // Proposing never changed the family, so it is just as it was.
    expect(after.family).toEqual(before.family);
    expect(after.decisions).toMatchObject([
      { subjectId: proposalId, decision: "withdrawn", decidedBy: s.users.lead.id },
    ]);
    expect(after.withdrawals).toMatchObject([{ resourceId: proposalId, actorId: s.users.lead.id }]);
    // The managers' notices no worker had sent yet are not sent now.
    expect(after.notices).toEqual([]);
    expect(await queued(manager, s.family.id)).toBe(false);
    // The file's first test also warms the app up: on a busy machine it takes its time.
  }, 90_000);

  it("leaves nothing for a manager to decide, and lets the lead propose again", async () => {
    const { s, body, proposalId, lead, manager } = await waitingWorld();
    expect((await withdraw(s, proposalId, lead)).status).toBe(200);
    const managerView = await call(api, "GET", path(s), { cookie: manager });
    expect(managerView.json.data.can).toMatchObject({ approve: false, return: false });
    const approve = await call(api, "POST", `${path(s)}/${proposalId}/approve`, {
      cookie: manager,
      body: {},
    });
    expect(approve.status).toBe(409);
    // The lead may propose again later.
    const again = await call(api, "POST", path(s), { cookie: lead, body });
    expect(again.status).toBe(201);
  });

  it("leaves the managers' notices a worker has already sent as they were", async () => {
    const { s, proposalId, lead } = await waitingWorld();
    const waitingNotices = and(
      eq(notices.familyId, s.family.id),
      eq(notices.kind, "sign_off_waiting"),
    );
    const [sent] = await api.deps.db
      .update(notices)
      .set({ status: "sent", attempts: 1, sentAt: api.clock.now })
      .where(and(waitingNotices, eq(notices.channel, "email")))
      .returning({ id: notices.id });
    expect(sent).toBeDefined();
    expect((await withdraw(s, proposalId, lead)).status).toBe(200);
    const left = await api.deps.db.select().from(notices).where(waitingNotices);
    expect(left.map((n) => n.id)).toContain(sent?.id);
    expect(left.every((n) => n.status === "sent")).toBe(true);
  });

  it("answers 409 for a proposal no longer waiting, and changes nothing", async () => {
    const { s, proposalId, lead, manager } = await waitingWorld();
    const returned = await call(api, "POST", `${path(s)}/${proposalId}/return`, {
      cookie: manager,
      body: { comments: "Say what Robin thinks." },
    });
    expect(returned.status).toBe(200);
    const before = await standing(s.family.id);
    const res = await withdraw(s, proposalId, lead);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/Only a closure waiting for sign-off can be withdrawn/);
    expect(await standing(s.family.id)).toEqual(before);
  });

  it("refuses anyone but the lead, and changes nothing", async () => {
    const { s, proposalId, manager, teamMember } = await waitingWorld();
    const before = await standing(s.family.id);
    for (const cookie of [manager, teamMember]) {
      const res = await withdraw(s, proposalId, cookie);
      expect(res.status).toBe(403);
    }
    expect(await standing(s.family.id)).toEqual(before);
    expect(await queued(manager, s.family.id)).toBe(true);
  });

  it("answers 404 for another family's proposal", async () => {
    const mine = await waitingWorld();
    const theirs = await waitingWorld();
    const before = await standing(theirs.s.family.id);
    const res = await withdraw(mine.s, theirs.proposalId, mine.lead);
    expect(res.status).toBe(404);
    expect(await standing(theirs.s.family.id)).toEqual(before);
  });

  it.each([
    ["an unknown field", { why: "no" }],
    ["a reason too long", { reason: "x".repeat(501) }],
    ["a blank reason", { reason: "   " }],
    ["a reason that is not text", { reason: 4 }],
  ])("answers 400 for %s", async (_, body) => {
    const { s, proposalId, lead } = await waitingWorld();
    const before = await standing(s.family.id);
    const res = await withdraw(s, proposalId, lead, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBeDefined();
    expect(await standing(s.family.id)).toEqual(before);
  });
});
