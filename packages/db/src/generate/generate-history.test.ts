import { reReferralOf } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { executeRows } from "../queries/execute-rows";
import { familyStatusOf } from "../queries/open-family";
import {
  actions,
  assessments,
  caseAudits,
  consents,
  episodeOutcomeResults,
  episodes,
  families,
  familyMembers,
  feedbackAnswers,
  helpRequests,
  meetings,
  needScores,
  outcomes,
  reviews,
  signOffDecisions,
  sustainabilityChecks,
  teamMemberships,
  users,
} from "../schema";
import { openTestDatabase } from "../testing";
import { generateAuthority } from "./generate-history";
import { Random } from "./random";

let handle: DatabaseHandle;
// A fixed day: what seed 11 generates depends on it, and the assertions below
// that some record of each kind exists must not turn on the calendar (on
// 2026-12-01 no assessment was left submitted-but-unsigned).
const now = new Date("2026-11-30T12:00:00Z");
const today = now.toISOString().slice(0, 10);

beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
  await generateAuthority(handle.db, {
    families: 150,
    years: 3,
    staff: 40,
    seed: 11,
    now,
    sliceSize: 40,
  });
}, 120_000);
afterAll(() => handle.close());

async function everything() {
  const db = handle.db;
  return {
    families: await db.select().from(families),
    episodes: await db.select().from(episodes),
    requests: await db.select().from(helpRequests),
    assessments: await db.select().from(assessments),
    meetings: await db.select().from(meetings),
    reviews: await db.select().from(reviews),
    scores: await db.select().from(needScores),
    outcomes: await db.select().from(outcomes),
    results: await db.select().from(episodeOutcomeResults),
  };
}

describe("a generated authority", () => {
  it("is the same for the same seed", () => {
    const a = new Random(5);
    const b = new Random(5);
    expect([a.uuid(), a.int(0, 100), a.next()]).toEqual([b.uuid(), b.int(0, 100), b.next()]);
    expect(new Random(6).uuid()).not.toBe(new Random(5).uuid());
    expect(a.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("has staff in teams: practitioners line-managed by a manager of their agency, and analysts", async () => {
    const staff = await handle.db.select().from(users);
    const practitioners = staff.filter((u) => u.role === "practitioner");
    expect(practitioners.length).toBeGreaterThan(20);
    for (const p of practitioners) {
      const manager = staff.find((u) => u.id === p.managerId);
      expect(manager?.role).toBe("manager");
      expect(manager?.agencyId).toBe(p.agencyId);
    }
    expect(staff.filter((u) => u.role === "partnership_analyst")).toHaveLength(2);
  });

  it("gives every family episodes, and families.status mirrors the latest one", async () => {
    const all = await everything();
    expect(all.families).toHaveLength(150);
    for (const family of all.families) {
      const list = all.episodes
        .filter((e) => e.familyId === family.id)
        .sort((a, b) => a.number - b.number);
      const latest = list.at(-1);
      if (!latest) throw new Error(`${family.reference} has no episode`);
      expect(list.map((e) => e.number)).toEqual(list.map((_, i) => i + 1));
      expect(family.status).toBe(familyStatusOf(latest.status));
      expect(family.closureReason).toBe(latest.closureReason);
      expect(list.slice(0, -1).every((e) => e.status === "closed")).toBe(true);
      for (const e of list) expect(e.requestId === null).toBe(e.origin === "stepped_down");
      expect(family.displayName).toContain("(synthetic)");
    }
    expect(all.families.some((f) => f.origin === "stepped_down")).toBe(true);
  });

  it("marks re-referrals by the 12-month rule, and has some", async () => {
    const all = await everything();
    const accepted = all.requests.filter((r) => r.status === "accepted");
    for (const request of accepted) {
      const opened = all.episodes.find((e) => e.id === request.episodeId);
      if (!opened) throw new Error("accepted without episode");
      expect(opened.requestId).toBe(request.id);
      const previous = all.episodes.find(
        (e) => e.familyId === opened.familyId && e.number === opened.number - 1,
      );
      expect(request.reReferralOfEpisodeId).toBe(
        previous ? reReferralOf(previous, request.requestedOn) : null,
      );
    }
    expect(accepted.some((r) => r.reReferralOfEpisodeId !== null)).toBe(true);
    expect(all.episodes.some((e) => e.number > 1)).toBe(true);
  });

  it("keeps scores between 0 and 10, and every review has scores and an ended review meeting", async () => {
    const all = await everything();
    expect(all.scores.every((s) => s.score >= 0 && s.score <= 10)).toBe(true);
    expect(all.scores.some((s) => s.scoredBy === "family")).toBe(true);
    expect(all.reviews.length).toBeGreaterThan(50);
    for (const review of all.reviews) {
      expect(all.scores.some((s) => s.reviewId === review.id)).toBe(true);
      const meeting = all.meetings.find((m) => m.id === review.meetingId);
      expect(meeting?.kind).toBe("review");
      expect(meeting?.state).toBe("ended");
      expect(review.nextReviewOn === null).toBe(review.decision !== "continue");
    }
    // Mostly improving: closure scores beat assessment scores more often than not.
    const improved = all.episodes.filter((e) => {
      const first = all.scores.filter((s) => s.episodeId === e.id && s.stage === "assessment");
      const last = all.scores.filter((s) => s.episodeId === e.id && s.stage === "closure");
      const sum = (list: typeof first) => list.reduce((total, s) => total + s.score, 0);
      return last.length > 0 && sum(last) > sum(first);
    });
    const closed = all.episodes.filter((e) => e.status === "closed");
    expect(improved.length).toBeGreaterThan(closed.length / 2);
  });

  it("completes assessments before the first TAC, with the episode's plan dated by it", async () => {
    const all = await everything();
    for (const episode of all.episodes) {
      const assessment = all.assessments.find((a) => a.episodeId === episode.id);
      if (!assessment) throw new Error(`episode ${episode.id} has no assessment`);
      if (episode.status === "assessment") {
        expect(assessment.status).not.toBe("completed");
        continue;
      }
      expect(assessment.status).toBe("completed");
      expect(episode.planInPlaceAt).toEqual(assessment.completedAt);
      const first = all.meetings.find(
        (m) =>
          m.kind === "initial" &&
          m.familyId === episode.familyId &&
          m.scheduledFor >= episode.openedAt &&
          m.scheduledFor <= (episode.closedAt ?? new Date(8.64e15)),
      );
      if (!first) throw new Error(`episode ${episode.id} has no first TAC`);
      expect(first.scheduledFor.getTime()).toBeGreaterThan(assessment.completedAt?.getTime() ?? 0);
    }
    expect(all.assessments.some((a) => a.status === "submitted")).toBe(true);
  });

  it("keeps each episode's outcomes with it: closed ones have results and none active", async () => {
    const all = await everything();
    for (const outcome of all.outcomes) {
      const episode = all.episodes.find((e) => e.id === outcome.episodeId);
      expect(episode?.familyId).toBe(outcome.familyId);
      if (episode?.status === "closed") {
        expect(outcome.status).not.toBe("active");
        expect(all.results.some((r) => r.outcomeId === outcome.id)).toBe(true);
      }
    }
    for (const result of all.results) {
      expect(all.outcomes.find((o) => o.id === result.outcomeId)?.episodeId).toBe(result.episodeId);
    }
    for (const episode of all.episodes.filter((e) => e.status === "closed")) {
      expect(all.outcomes.some((o) => o.episodeId === episode.id)).toBe(true);
    }
  });

  it("leaves the figures' episode summary current, and requests placed in a locality", async () => {
    for (const [table, view] of [
      ["episode_facts", "episode_facts_source"],
      ["review_facts", "review_facts_source"],
      ["episode_distance", "episode_distance_source"],
      ["drift_items", "drift_items_source"],
    ] as const) {
      const [t, v] = [sql.identifier(table), sql.identifier(view)];
      const differ = await executeRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from (
          (select * from ${t} except select * from ${v})
          union all (select * from ${v} except select * from ${t})) d`,
      );
      expect(differ[0]?.n, table).toBe(0);
    }
    const { episodes: all, requests } = await everything();
    const facts = await executeRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from episode_facts`,
    );
    expect(facts[0]?.n).toBe(all.length);
    expect(requests.every((r) => r.locality !== null)).toBe(true);
  });

  it("dates nothing in the future that has happened", async () => {
    const db = handle.db;
    const all = await everything();
    expect((await db.select().from(teamMemberships)).every((t) => t.addedAt <= now)).toBe(true);
    expect(all.meetings.every((m) => (m.endedAt ?? now) <= now)).toBe(true);
    expect(all.requests.every((r) => (r.triagedAt ?? now) <= now && r.requestedOn <= today)).toBe(
      true,
    );
    expect(all.episodes.every((e) => e.openedAt <= now && (e.closedAt ?? now) <= now)).toBe(true);
    expect((await db.select().from(feedbackAnswers)).every((a) => a.answeredAt <= now)).toBe(true);
    expect((await db.select().from(signOffDecisions)).every((d) => d.decidedAt <= now)).toBe(true);
    const checks = await db.select().from(sustainabilityChecks);
    expect(checks.every((c) => (c.recordedAt ?? now) <= now)).toBe(true);
    expect(checks.every((c) => c.result === null || c.dueOn <= today)).toBe(true);
    const members = await db.select().from(familyMembers);
    expect(members.every((m) => (m.dateOfBirth ?? today) <= today)).toBe(true);
  });

  it("leaves drift and queues for the manager and figures for the partnership", async () => {
    const db = handle.db;
    const all = await everything();
    const statuses = new Set(all.requests.map((r) => r.status));
    expect([...statuses].sort()).toEqual([
      "accepted",
      "awaiting_triage",
      "not_accepted",
      "signposted",
    ]);
    const actionRows = await db.select().from(actions);
    expect(actionRows.some((a) => a.status === "open" && a.dueDate < today)).toBe(true);
    expect(actionRows.some((a) => a.status === "done")).toBe(true);
    const consentRows = await db.select().from(consents);
    expect(consentRows.some((c) => (c.reviewDate ?? today) < today)).toBe(true);
    const checks = await db.select().from(sustainabilityChecks);
    expect(checks.some((c) => c.result === null && c.dueOn <= today)).toBe(true);
    expect(checks.some((c) => c.result !== null)).toBe(true);
    const reasons = new Set(all.episodes.map((e) => e.closureReason).filter((r) => r !== null));
    expect(reasons.has("outcomes_met")).toBe(true);
    expect(reasons.has("stepped_up")).toBe(true);
    expect((await db.select().from(caseAudits)).length).toBeGreaterThan(0);
    expect((await db.select().from(feedbackAnswers)).length).toBeGreaterThan(0);
    const open = all.episodes.filter((e) => e.status === "plan_in_place");
    expect(open.length).toBeGreaterThan(0);
  });
});
