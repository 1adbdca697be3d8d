import { reReferralOf } from "@teamaround/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { familyStatusOf } from "../queries/open-family";
import { loadVersionDocuments } from "../queries/plan-version-content";
import {
  assessmentEntries,
  assessments,
  closureProposals,
  episodeOutcomeResults,
  episodes,
  families,
  familyMembers,
  feedbackAnswers,
  helpRequests,
  localAuthorities,
  meetings,
  needScores,
  outcomes,
  planVersions,
  reviews,
  sustainabilityChecks,
  teamMemberships,
} from "../schema";
import { openTestDatabase } from "../testing";
import { seedDemo } from "./seed-demo";

let handle: DatabaseHandle;
const now = new Date();
const today = now.toISOString().slice(0, 10);

beforeAll(async () => {
  // Its own database: the seed refuses to run where any authority exists.
  handle = await openTestDatabase({ isolated: true });
  // The four hand-written families alone; the synthetic history has its own test.
  expect(await seedDemo(handle.db, "not-a-real-hash", { syntheticFamilies: 0 })).toBe("seeded");
});
afterAll(() => handle.close());

function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  const day = new Date(from.toISOString().slice(0, 10));
  const end = to.toISOString().slice(0, 10);
  while (day.toISOString().slice(0, 10) < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) count += 1;
  }
  return count;
}

describe("the demo's history", () => {
  it("gives every family episodes, and families.status mirrors the latest one", async () => {
    const rows = await handle.db.select().from(families);
    expect(rows).toHaveLength(4);
    for (const family of rows) {
      const list = await handle.db
        .select()
        .from(episodes)
        .where(eq(episodes.familyId, family.id))
        .orderBy(asc(episodes.number));
      const latest = list.at(-1);
      if (!latest) throw new Error(`${family.displayName} has no episode`);
      expect(family.status).toBe(familyStatusOf(latest.status));
      expect(list.slice(0, -1).every((e) => e.status === "closed")).toBe(true);
      expect(list.every((e) => e.requestId !== null)).toBe(true);
    }
  });

  it("has exactly one re-referral, within 12 months of the episode it links to", async () => {
    const accepted = await handle.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.status, "accepted"));
    const marked = accepted.filter((r) => r.reReferralOfEpisodeId !== null);
    expect(marked).toHaveLength(1);
    for (const request of accepted) {
      if (!request.familyId || !request.episodeId) throw new Error("accepted without episode");
      const [opened] = await handle.db
        .select()
        .from(episodes)
        .where(eq(episodes.id, request.episodeId));
      const [previous] = await handle.db
        .select()
        .from(episodes)
        .where(eq(episodes.familyId, request.familyId))
        .then((list) => list.filter((e) => e.number === (opened?.number ?? 0) - 1));
      const expected = previous ? reReferralOf(previous, request.requestedOn) : null;
      expect(request.reReferralOfEpisodeId).toBe(expected);
    }
  });

  it("keeps scores between 0 and 10, and every review has scores", async () => {
    const scores = await handle.db.select().from(needScores);
    expect(scores.length).toBeGreaterThan(20);
    expect(scores.every((s) => s.score >= 0 && s.score <= 10)).toBe(true);
    expect(scores.some((s) => s.scoredBy === "family")).toBe(true);
    const reviewRows = await handle.db.select().from(reviews);
    expect(reviewRows.length).toBeGreaterThanOrEqual(4);
    for (const review of reviewRows) {
      expect(scores.filter((s) => s.reviewId === review.id).length).toBeGreaterThan(0);
      const [meeting] = await handle.db
        .select()
        .from(meetings)
        .where(eq(meetings.id, review.meetingId));
      expect(meeting?.kind).toBe("review");
      expect(meeting?.state).toBe("ended");
    }
    // The latest review of an open episode that continues sets a next review still to come.
    for (const episode of await handle.db.select().from(episodes)) {
      const latest = reviewRows
        .filter((r) => r.episodeId === episode.id)
        .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn))
        .at(-1);
      if (episode.status === "closed" || latest?.decision !== "continue") continue;
      expect((latest.nextReviewOn ?? "") > today).toBe(true);
    }
  });

  it("completes each assessment before the episode's first TAC, within 15 working days", async () => {
    for (const episode of await handle.db.select().from(episodes)) {
      const [assessment] = await handle.db
        .select()
        .from(assessments)
        .where(eq(assessments.episodeId, episode.id));
      if (!assessment) throw new Error(`episode ${episode.id} has no assessment`);
      const entries = await handle.db
        .select()
        .from(assessmentEntries)
        .where(eq(assessmentEntries.assessmentId, assessment.id));
      expect(entries.every((e) => e.text.length > 40)).toBe(true);
      expect(entries.filter((e) => e.section === "child_voice").length).toBeGreaterThan(0);
      if (episode.status === "assessment") {
        expect(assessment.status).toBe("submitted");
        continue;
      }
      expect(assessment.status).toBe("completed");
      expect(assessment.decidedBy).not.toBeNull();
      const completedAt = assessment.completedAt ?? now;
      expect(episode.planInPlaceAt).toEqual(completedAt);
      const ends = episode.closedAt ?? now;
      const held = await handle.db
        .select()
        .from(meetings)
        .where(eq(meetings.familyId, episode.familyId))
        .orderBy(asc(meetings.scheduledFor));
      const first = held.find(
        (m) => m.kind === "initial" && m.scheduledFor >= episode.openedAt && m.scheduledFor <= ends,
      );
      if (!first) throw new Error(`episode ${episode.id} has no first TAC`);
      expect(first.scheduledFor.getTime()).toBeGreaterThan(completedAt.getTime());
      expect(workingDaysBetween(completedAt, first.scheduledFor)).toBeLessThanOrEqual(15);
    }
  });

  it("keeps each episode's outcomes with it: closed ones achieved and asked about, none active", async () => {
    const all = await handle.db.select().from(episodes);
    const rows = await handle.db.select().from(outcomes);
    const results = await handle.db.select().from(episodeOutcomeResults);
    for (const outcome of rows) {
      const episode = all.find((e) => e.id === outcome.episodeId);
      expect(episode?.familyId).toBe(outcome.familyId);
      if (episode?.status === "closed") expect(outcome.status).not.toBe("active");
    }
    for (const result of results) {
      expect(rows.find((o) => o.id === result.outcomeId)?.episodeId).toBe(result.episodeId);
    }
    const closed = all.filter((e) => e.status === "closed" && e.closureReason !== "stepped_up");
    expect(closed.length).toBeGreaterThan(0);
    for (const episode of closed) {
      expect(rows.some((o) => o.episodeId === episode.id)).toBe(true);
    }
  });

  it("leaves the Hollis family's closure waiting for the manager's sign-off", async () => {
    const [hollis] = await handle.db
      .select()
      .from(families)
      .where(eq(families.displayName, "The Hollis family"));
    expect(hollis?.status).toBe("plan_active");
    const proposals = await handle.db.select().from(closureProposals);
    expect(proposals.map((p) => [p.familyId, p.status])).toEqual([[hollis?.id, "waiting"]]);
    const [proposal] = proposals;
    const active = await handle.db
      .select()
      .from(outcomes)
      .where(eq(outcomes.episodeId, proposal?.episodeId ?? ""));
    expect(proposal?.outcomeResults.map((r) => r.outcomeId).sort()).toEqual(
      active.map((o) => o.id).sort(),
    );
  });

  it("dates nothing in the future that has happened", async () => {
    const teams = await handle.db.select().from(teamMemberships);
    expect(teams.every((t) => t.addedAt <= now)).toBe(true);
    expect(teams.some((t) => t.addedAt.getTime() < now.getTime() - 30 * 86_400_000)).toBe(true);
    const held = await handle.db.select().from(meetings);
    expect(held.every((m) => (m.endedAt ?? now) <= now)).toBe(true);
    const answers = await handle.db.select().from(feedbackAnswers);
    expect(answers.every((a) => a.answeredAt <= now)).toBe(true);
    expect(answers.some((a) => a.shareWithLead)).toBe(true);
  });

  it("leaves a follow-up due now, requests in the triage queue and written plans", async () => {
    const checks = await handle.db.select().from(sustainabilityChecks);
    expect(checks.some((c) => c.result === null && c.dueOn <= today)).toBe(true);
    expect(checks.filter((c) => c.result !== null).length).toBeGreaterThanOrEqual(3);
    const requests = await handle.db.select().from(helpRequests);
    expect(requests.filter((r) => r.status === "awaiting_triage")).toHaveLength(1);
    expect(requests.filter((r) => r.status === "signposted")).toHaveLength(1);
    // The front door's requests name the family's locality, one of the authority's.
    const [authority] = await handle.db.select().from(localAuthorities);
    const frontDoor = requests.filter((r) => r.familyId === null);
    expect(frontDoor.map((r) => r.locality).sort()).toEqual(["Southmere", "Westbrook"]);
    expect(authority?.localities).toEqual(expect.arrayContaining(["Southmere", "Westbrook"]));
    for (const family of await handle.db.select().from(families)) {
      if (family.status !== "plan_active") continue;
      const { documents } = await loadVersionDocuments(handle.db, family.id);
      expect(documents.plan?.what_needs_to_happen ?? "").not.toBe("");
      const versions = await handle.db
        .select()
        .from(planVersions)
        .where(eq(planVersions.familyId, family.id));
      expect(versions.length).toBeGreaterThanOrEqual(4);
    }
    const members = await handle.db.select().from(familyMembers);
    expect(members.filter((m) => m.youngCarer)).toHaveLength(1);
    expect(members.some((m) => m.interpreterNeeded)).toBe(true);
  });
});
