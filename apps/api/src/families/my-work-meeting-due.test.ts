import { buildMeeting, buildScenario, dateCurrentEpisode } from "@teamaround/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const weeksAgo = (weeks: number) => new Date(api.clock.now.getTime() - weeks * 7 * 86_400_000);

/** A family whose last review was held `weeks` ago (the authority's cadence is 6–12 weeks). */
async function familyLastReviewed(weeks: number) {
  const s = await buildScenario(api.deps.db);
  const endedAt = weeksAgo(weeks);
  await dateCurrentEpisode(api.deps.db, s.family.id, {
    openedAt: weeksAgo(weeks + 8),
    planInPlaceAt: weeksAgo(weeks + 4),
  });
  await buildMeeting(api.deps.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "ended",
    scheduledFor: endedAt,
    startedAt: endedAt,
    endedAt,
  });
  const lead = await sessionCookieFor(api, s.users.lead.id);
  return { s, lead };
}

async function myWorkAndMeetingsPage(familyId: string, cookie: string) {
  const list = await call(api, "GET", "/api/families", { cookie });
  const summary = list.json.data.find((f: { id: string }) => f.id === familyId);
  const meetings = await call(api, "GET", `/api/families/${familyId}/meetings`, { cookie });
  return { summary, nextReviewDue: meetings.json.nextReviewDue };
}

describe("the meeting due on My work (GET /api/families)", () => {
  it("says a review is overdue exactly as the family's meetings page does", async () => {
    const { s, lead } = await familyLastReviewed(13);
    const { summary, nextReviewDue } = await myWorkAndMeetingsPage(s.family.id, lead);
    expect(summary.nextMeeting).toBeNull();
    expect(summary.meetingDue).toMatchObject({ kind: "review", overdue: true, scheduled: false });
    expect(summary.meetingDue).toEqual(nextReviewDue);
  });

  it("is not overdue within the cadence", async () => {
    const { s, lead } = await familyLastReviewed(8);
    const { summary, nextReviewDue } = await myWorkAndMeetingsPage(s.family.id, lead);
    expect(summary.meetingDue).toMatchObject({ overdue: false });
    expect(summary.meetingDue).toEqual(nextReviewDue);
  });

  it("says a meeting is booked once one is", async () => {
    const { s, lead } = await familyLastReviewed(13);
    await buildMeeting(api.deps.db, { familyId: s.family.id, chairUserId: s.users.lead.id });
    const { summary } = await myWorkAndMeetingsPage(s.family.id, lead);
    expect(summary.meetingDue).toMatchObject({ overdue: true, scheduled: true });
  });
});
