import { auditEvents, episodes } from "@teamaround/db";
import {
  buildAssessment,
  buildHeldMeeting,
  buildMeeting,
  buildScenario,
} from "@teamaround/db/testing";
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
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const correction = {
  section: "Family story",
  correctedText: "Robin moved school in September, not October.",
  reason: "The date was recorded wrongly; the family told us.",
};

async function world() {
  const s = await buildScenario(api.deps.db);
  const held = await buildHeldMeeting(api.deps.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
  });
  const cookie = async (userId: string) => sessionCookieFor(api, userId);
  return {
    s,
    held,
    cookies: {
      lead: await cookie(s.users.lead.id),
      manager: await cookie(s.users.manager.id),
      teamMember: await cookie(s.users.teamMember.id),
      parent: await cookie(s.users.parentUser.id),
      otherParent: await cookie(s.users.otherParentUser.id),
    },
  };
}

const path = (familyId: string, kind: string, id: string) =>
  `/api/families/${familyId}/records/${kind}/${id}/corrections`;

describe("corrections to closed records", () => {
  it("appends the lead's correction to a held meeting's record with a reason, lists it, and audits it by id", async () => {
    const { s, held, cookies } = await world();
    const url = path(s.family.id, "meeting_record", held.meeting.id);
    const made = await call("POST", url, cookies.lead, correction);
    expect(made.status).toBe(201);
    const data = made.body.data as { words: string; correctedBy: { id: string } };
    expect(data.correctedBy.id).toBe(s.users.lead.id);
    expect(data.words).toMatch(/^Corrected on \d{1,2} \w+ \d{4} by .+: Family story — Robin moved/);
    expect(data.words).toContain("Reason: The date was recorded wrongly");

    // A minute later: the list is in the order corrections were made (the test clock stands still).
    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    await call("POST", url, cookies.manager, { ...correction, correctedText: "A second one." });
    const listed = await call("GET", url, cookies.teamMember);
    expect(listed.status).toBe(200);
    const rows = listed.body.data as { correctedText: string }[];
    expect(rows.map((r) => r.correctedText)).toEqual([correction.correctedText, "A second one."]);

    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.familyId, s.family.id), eq(auditEvents.event, "correction.create")),
      );
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit[0]?.details)).not.toContain("Robin");
  });

  it("refuses a correction to a record still open (409), then accepts it once the episode is closed", async () => {
    const { s, cookies } = await world();
    const scheduled = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    expect(
      (
        await call(
          "POST",
          path(s.family.id, "meeting_record", scheduled.id),
          cookies.lead,
          correction,
        )
      ).status,
    ).toBe(409);
    const assessment = await buildAssessment(api.deps.db, {
      familyId: s.family.id,
      startedBy: s.users.lead.id,
    });
    const url = path(s.family.id, "assessment", assessment.id);
    expect((await call("POST", url, cookies.lead, correction)).status).toBe(409);
    await api.deps.db
      .update(episodes)
      .set({ status: "closed", closedAt: new Date(), closureReason: "outcomes_met" })
      .where(eq(episodes.id, assessment.episodeId));
    expect((await call("POST", url, cookies.lead, correction)).status).toBe(201);
    expect(
      (
        await call(
          "POST",
          path(s.family.id, "closure", assessment.episodeId),
          cookies.lead,
          correction,
        )
      ).status,
    ).toBe(201);
  });

  it("refuses the team member and the family (403), and answers 404 to outsiders and for another family's record", async () => {
    const { s, held, cookies } = await world();
    const url = path(s.family.id, "meeting_record", held.meeting.id);
    expect((await call("POST", url, cookies.teamMember, correction)).status).toBe(403);
    expect((await call("POST", url, cookies.parent, correction)).status).toBe(403);
    expect((await call("GET", url, cookies.parent)).status).toBe(403);
    expect((await call("POST", url, cookies.otherParent, correction)).status).toBe(404);
    const otherHeld = await buildHeldMeeting(api.deps.db, {
      familyId: s.otherFamily.id,
      chairUserId: s.users.otherLead.id,
    });
    expect(
      (
        await call(
          "POST",
          path(s.family.id, "meeting_record", otherHeld.meeting.id),
          cookies.lead,
          correction,
        )
      ).status,
    ).toBe(404);
    expect((await call("POST", url, cookies.lead, { ...correction, reason: "" })).status).toBe(400);
  });
});
