import { auditEvents, feedbackInvitations, needScores, reviews } from "@teamaround/db";
import {
  buildAssessment,
  buildMeeting,
  buildScenario,
  type Scenario,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function reviewWorld() {
  const s = await buildScenario(api.deps.db);
  const meeting = await buildMeeting(api.deps.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    kind: "review",
    state: "ended",
    scheduledFor: new Date("2026-11-02T10:00:00Z"),
    startedAt: new Date("2026-11-02T10:00:00Z"),
    endedAt: new Date("2026-11-02T11:00:00Z"),
  });
  return {
    s,
    meeting,
    lead: await sessionCookieFor(api, s.users.lead.id),
    parent: await sessionCookieFor(api, s.users.parentUser.id),
  };
}

const reviewPath = (s: Scenario, meetingId: string) =>
  `/api/families/${s.family.id}/meetings/${meetingId}/review`;

const counts = async (familyId: string) => {
  const db = api.deps.db;
  const [r, n, f] = await Promise.all([
    db.select().from(reviews).where(eq(reviews.familyId, familyId)),
    db.select().from(needScores).where(eq(needScores.familyId, familyId)),
    db.select().from(feedbackInvitations).where(eq(feedbackInvitations.familyId, familyId)),
  ]);
  return { reviews: r.length, scores: n.length, invitations: f.length };
};

const goodReview = (childId: string) => ({
  scores: [
    { area: "education", memberId: childId, score: 7, note: "Every day this half term" },
    { area: "housing", score: 5 },
  ],
  verdict: "positive_change",
  decision: "continue",
  summary: "Good progress at school.",
});

describe("POST /api/families/{familyId}/meetings/{meetingId}/review", () => {
  it("records the verdict, the scores, the next review from the cadence and offers the family feedback", async () => {
    const { s, meeting, lead } = await reviewWorld();
    const res = await call(api, "POST", reviewPath(s, meeting.id), {
      cookie: lead,
      body: goodReview(s.members.child.id),
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      meetingId: meeting.id,
      reviewedOn: "2026-11-02",
      verdict: "positive_change",
      decision: "continue",
      nextReviewOn: "2026-12-14",
    });
    expect(res.json.data.scores).toHaveLength(2);
    expect(await counts(s.family.id)).toEqual({ reviews: 1, scores: 2, invitations: 1 });

    const again = await call(api, "POST", reviewPath(s, meeting.id), {
      cookie: lead,
      body: goodReview(s.members.child.id),
    });
    expect(again.status).toBe(409);
    expect(await counts(s.family.id)).toEqual({ reviews: 1, scores: 2, invitations: 1 });
  });

  it("refuses bad input and the wrong meeting, changing nothing", async () => {
    const { s, meeting, lead, parent } = await reviewWorld();
    const good = goodReview(s.members.child.id);
    const scheduled = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
    });
    const initial = await buildMeeting(api.deps.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      kind: "initial",
      state: "live",
    });
    const cases: [string, string, unknown, number][] = [
      ["a verdict without scores", meeting.id, { ...good, scores: [] }, 400],
      ["no scores at all", meeting.id, { verdict: "no_change", decision: "continue" }, 400],
      [
        "a score out of range",
        meeting.id,
        { ...good, scores: [{ area: "health", score: 12 }] },
        400,
      ],
      [
        "a score about an adult",
        meeting.id,
        { ...good, scores: [{ area: "health", score: 3, memberId: s.members.parent.id }] },
        422,
      ],
      [
        "a next review when closing",
        meeting.id,
        { ...good, decision: "close", nextReviewOn: "2027-01-01" },
        422,
      ],
      ["a next review before this one", meeting.id, { ...good, nextReviewOn: "2026-10-01" }, 422],
      ["a meeting not yet held", scheduled.id, good, 409],
      ["an initial meeting", initial.id, good, 422],
      ["another family's meeting id", crypto.randomUUID(), good, 404],
    ];
    for (const [what, meetingId, body, status] of cases) {
      const res = await call(api, "POST", reviewPath(s, meetingId), { cookie: lead, body });
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.json.error.code).toBeTypeOf("string");
    }
    const byParent = await call(api, "POST", reviewPath(s, meeting.id), {
      cookie: parent,
      body: good,
    });
    expect(byParent.status).toBe(403);
    expect(await counts(s.family.id)).toEqual({ reviews: 0, scores: 0, invitations: 0 });
  });

  it("leaves no next review when the work is to close", async () => {
    const { s, meeting, lead } = await reviewWorld();
    const res = await call(api, "POST", reviewPath(s, meeting.id), {
      cookie: lead,
      body: { ...goodReview(s.members.child.id), decision: "close" },
    });
    expect(res.status).toBe(201);
    expect(res.json.data.nextReviewOn).toBeNull();
  });
});

describe("GET /api/families/{familyId}/reviews/{reviewId}", () => {
  it("gives one recorded review to the team and the family, audited as a read; 404 for another family's", async () => {
    const { s, meeting, lead, parent } = await reviewWorld();
    const made = await call(api, "POST", reviewPath(s, meeting.id), {
      cookie: lead,
      body: goodReview(s.members.child.id),
    });
    const reviewId = made.json.data.id;
    const path = `/api/families/${s.family.id}/reviews/${reviewId}`;
    for (const cookie of [lead, parent]) {
      const res = await call(api, "GET", path, { cookie });
      expect(res.status).toBe(200);
      expect(res.json.data).toMatchObject({
        id: reviewId,
        verdict: "positive_change",
        summary: "Good progress at school.",
      });
      expect(res.json.data.scores).toHaveLength(2);
      expect(res.json.abilities.review.read).toBe(true);
    }
    const reads = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "review.read"), eq(auditEvents.resourceId, reviewId)));
    expect(reads).toHaveLength(2);
    // The practitioners' note on a score is the team's: the family's answer never carries it.
    const noteOf = (res: { json: { data: { scores: { area: string; note: string | null }[] } } }) =>
      res.json.data.scores.find((score) => score.area === "education")?.note;
    expect(noteOf(await call(api, "GET", path, { cookie: lead }))).toBe("Every day this half term");
    expect(noteOf(await call(api, "GET", path, { cookie: parent }))).toBeNull();
    const listed = await call(api, "GET", `/api/families/${s.family.id}/reviews`, {
      cookie: parent,
    });
    expect(JSON.stringify(listed.json)).not.toContain("Every day this half term");

    const other = await reviewWorld();
    const foreign = `/api/families/${other.s.family.id}/reviews/${reviewId}`;
    expect((await call(api, "GET", foreign, { cookie: other.lead })).status).toBe(404);
    expect((await call(api, "GET", path, { cookie: other.parent })).status).toBe(404);
  });
});

describe("GET /api/families/{familyId}/distance-travelled", () => {
  it("lines up the assessment's and the review's scores, in plain words for the family", async () => {
    const { s, meeting, lead, parent } = await reviewWorld();
    const assessment = await buildAssessment(api.deps.db, {
      familyId: s.family.id,
      startedBy: s.users.lead.id,
    });
    await call(api, "POST", `/api/families/${s.family.id}/assessments/${assessment.id}/scores`, {
      cookie: lead,
      body: {
        scoredOn: "2026-10-01",
        scores: [
          { area: "education", memberId: s.members.child.id, score: 3 },
          { area: "housing", score: 6 },
        ],
      },
    });
    await call(api, "POST", reviewPath(s, meeting.id), {
      cookie: lead,
      body: goodReview(s.members.child.id),
    });
    const path = `/api/families/${s.family.id}/distance-travelled`;
    const asLead = await call(api, "GET", path, { cookie: lead });
    expect(asLead.status).toBe(200);
    expect(asLead.json.data).toMatchObject({
      direction: "same",
      scale: { low: "Very worried", high: "All well" },
      plainWords: null,
    });
    expect(asLead.json.data.series).toEqual([
      expect.objectContaining({
        area: "education",
        memberName: "Robin",
        direction: "improving",
        points: [
          expect.objectContaining({
            stage: "assessment",
            scoredOn: "2026-10-01",
            practitioners: 3,
          }),
          expect.objectContaining({ stage: "review", scoredOn: "2026-11-02", practitioners: 7 }),
        ],
      }),
      expect.objectContaining({ area: "housing", memberName: null, direction: "worse" }),
    ]);
    const asParent = await call(api, "GET", path, { cookie: parent });
    expect(asParent.json.data.plainWords).toEqual({
      overall: "Overall, things are about the same so far.",
      areas: [
        "Things are getting better with school for Robin.",
        "Things have been harder with your home lately. The team will talk with you about what could help.",
      ],
    });
    const unknown = await call(api, "GET", `${path}?episodeId=${crypto.randomUUID()}`, {
      cookie: lead,
    });
    expect(unknown.status).toBe(404);
  });
});
