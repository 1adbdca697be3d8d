import { auditEvents, correctionRequests, recordCorrections } from "@teamaround/db";
import { buildHeldMeeting, buildMeeting, buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor, startTestApi, type TestApi, testOrigin } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function call(method: string, path: string, cookie: string, body?: unknown) {
  const response = await api.app.request(path, {
    method,
    headers: { origin: testOrigin, cookie, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON came back
  return { status: response.status, body: (await response.json()) as any };
}

const ask = {
  whatIsWrong: "It says Robin moved school in October.",
  shouldSay: "Robin moved school in September.",
};

async function world() {
  const s = await buildScenario(api.deps.db);
  const held = await buildHeldMeeting(api.deps.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
  });
  const cookie = (userId: string) => sessionCookieFor(api, userId);
  const base = `/api/families/${s.family.id}`;
  return {
    s,
    held,
    askPath: `${base}/records/meeting_record/${held.meeting.id}/correction-requests`,
    listPath: `${base}/correction-requests`,
    decidePath: (id: string, decision: "accept" | "decline") =>
      `${base}/correction-requests/${id}/${decision}`,
    cookies: {
      lead: await cookie(s.users.lead.id),
      manager: await cookie(s.users.manager.id),
      teamMember: await cookie(s.users.teamMember.id),
      parent: await cookie(s.users.parentUser.id),
      otherParent: await cookie(s.users.otherParentUser.id),
    },
  };
}

const events = (familyId: string, event: string) =>
  api.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.familyId, familyId), eq(auditEvents.event, event)));

describe("a family member's request for a correction", () => {
  it("is asked by the member, seen waiting by the lead, and accepted as a linked correction", async () => {
    const { s, held, askPath, listPath, decidePath, cookies } = await world();
    const asked = await call("POST", askPath, cookies.parent, ask);
    expect(asked.status).toBe(201);
    expect(asked.body.data).toMatchObject({
      ...ask,
      status: "pending",
      recordKind: "meeting_record",
    });
    const requestId = asked.body.data.id;

    const leadList = await call("GET", listPath, cookies.lead);
    expect(leadList.status).toBe(200);
    expect(leadList.body.pending).toBe(1);
    expect(leadList.body.data[0]).toMatchObject({
      id: requestId,
      requestedBy: { id: s.users.parentUser.id },
    });
    expect((await call("GET", listPath, cookies.teamMember)).status).toBe(403);

    const correction = {
      section: "Decisions",
      correctedText: ask.shouldSay,
      reason: "The family told us the month was wrong.",
    };
    expect(
      (await call("POST", decidePath(requestId, "accept"), cookies.parent, correction)).status,
    ).toBe(403);
    const accepted = await call("POST", decidePath(requestId, "accept"), cookies.lead, correction);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({
      status: "accepted",
      decidedBy: { id: s.users.lead.id },
    });
    const [appended] = await api.deps.db
      .select()
      .from(recordCorrections)
      .where(eq(recordCorrections.recordId, held.meeting.id));
    expect(appended).toMatchObject({ correctedText: ask.shouldSay, correctedBy: s.users.lead.id });
    expect(accepted.body.data.correctionId).toBe(appended?.id);
    // Decided once: a second decision is refused and changes nothing.
    const again = await call("POST", decidePath(requestId, "decline"), cookies.manager, {
      reason: "Too late.",
    });
    expect(again.status).toBe(409);

    const mine = await call("GET", listPath, cookies.parent);
    expect(mine.body.data).toEqual([
      expect.objectContaining({ id: requestId, status: "accepted" }),
    ]);
    expect(await events(s.family.id, "correction_request.create")).toHaveLength(1);
    expect(await events(s.family.id, "correction_request.accept")).toHaveLength(1);
    expect(await events(s.family.id, "correction.create")).toHaveLength(1);
  });

  it("is declined with a reason the member reads; another family's member is told it does not exist", async () => {
    const { s, askPath, listPath, decidePath, cookies } = await world();
    const asked = await call("POST", askPath, cookies.parent, ask);
    const requestId = asked.body.data.id;
    const declined = await call("POST", decidePath(requestId, "decline"), cookies.manager, {
      reason: "The notes say what was said in the meeting.",
    });
    expect(declined.status).toBe(200);
    const mine = await call("GET", listPath, cookies.parent);
    expect(mine.body.data[0]).toMatchObject({
      status: "declined",
      declineReason: "The notes say what was said in the meeting.",
      decidedBy: { id: s.users.manager.id },
    });
    expect(mine.body.pending).toBe(0);
    expect(
      await api.deps.db
        .select()
        .from(recordCorrections)
        .where(eq(recordCorrections.familyId, s.family.id)),
    ).toEqual([]);

    expect((await call("POST", askPath, cookies.otherParent, ask)).status).toBe(404);
    expect((await call("GET", listPath, cookies.otherParent)).status).toBe(404);
    const foreign = await call("POST", decidePath(requestId, "decline"), cookies.otherParent, {
      reason: "No.",
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses a request about a record still open (409), staff asking (403) and empty words (400)", async () => {
    const { s, askPath, cookies } = await world();
    const scheduled = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const open = `/api/families/${s.family.id}/records/meeting_record/${scheduled.id}/correction-requests`;
    expect((await call("POST", open, cookies.parent, ask)).status).toBe(409);
    expect((await call("POST", askPath, cookies.lead, ask)).status).toBe(403);
    expect((await call("POST", askPath, cookies.parent, { ...ask, shouldSay: "" })).status).toBe(
      400,
    );
    const rows = await api.deps.db
      .select()
      .from(correctionRequests)
      .where(eq(correctionRequests.familyId, s.family.id));
    expect(rows).toEqual([]);
  });
});
