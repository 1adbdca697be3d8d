import {
  assessments,
  caseAudits,
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  executeRows,
  feedbackAnswers,
  feedbackInvitations,
  helpRequests,
  meetings,
  needScores,
  reviews,
  sustainabilityChecks,
} from "@teamaround/db";
import {
  buildAgency,
  buildAuthority,
  buildFamily,
  buildMember,
  buildOutcome,
  buildUser,
} from "@teamaround/db/testing";
import {
  addDays,
  auditGrades,
  closureReasons,
  countFigures,
  figureSplits,
  periodStarting,
} from "@teamaround/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing/test-api";
import { countFiguresInSql, periodParts } from "./figure-counts-sql";
import { loadFigureRecords } from "./load-figure-records";

/**
 * The SQL that counts the figures at scale must agree with the domain's
 * definitions: a bounded property test over families generated at random
 * (a fixed seed, so a failure can be replayed) through the db factories.
 */
let api: TestApi;
let authorityId: string;
let agencyId: string;

/** Mulberry32: a small seeded generator. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = 40;

beforeAll(async () => {
  // A database of its own on PostgreSQL: the generator rebuilds every summary
  // table whole (drift items, figure facts), other files' families included.
  api = await startTestApi({ isolatedDatabase: true });
  const db = api.deps.db;
  const random = seeded(20260901);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const dayIn = (from: string, span: number) => addDays(from, int(span));
  const at = (d: string) => new Date(`${d}T${String(8 + int(10)).padStart(2, "0")}:15:00Z`);

  const authority = await buildAuthority(db);
  authorityId = authority.id;
  const school = await buildAgency(db, { authorityId, name: "School", type: "school" });
  const health = await buildAgency(db, { authorityId, name: "Health", type: "health" });
  agencyId = school.id;
  const leads = [
    await buildUser(db, { authorityId, role: "practitioner", agencyId: school.id }),
    await buildUser(db, { authorityId, role: "practitioner", agencyId: school.id }),
    await buildUser(db, { authorityId, role: "practitioner", agencyId: health.id }),
  ];
  const manager = await buildUser(db, { authorityId, role: "manager", agencyId: school.id });

  for (let i = 0; i < 12; i += 1) {
    await db.insert(helpRequests).values({
      authorityId,
      receivingAgencyId: pick([school.id, health.id]),
      familyName: "The Asked family",
      requesterKind: "practitioner",
      requesterAgencyId: pick([school.id, health.id]),
      requesterName: "A practitioner",
      requestedOn: dayIn("2025-06-01", 200),
      locality: pick(["North", "South", null]),
      worries: "Worries",
      familyKnows: true,
      familyAgrees: true,
      status: "not_accepted",
      triagedAt: new Date(),
      createdBy: manager.id,
    });
  }

  for (let f = 0; f < FAMILIES; f += 1) {
    const lead = pick(leads);
    const family = await buildFamily(db, {
      lead,
      locality: pick(["North", "South", null]),
      levelOfNeed: 1 + int(4),
    });
    const child = await buildMember(db, {
      familyId: family.id,
      kind: "child",
      dateOfBirth: random() < 0.9 ? dayIn("2008-01-01", 6000) : null,
    });
    const outcome = await buildOutcome(db, {
      familyId: family.id,
      area: "education",
      title: "Goes to school",
      measure: "Attendance",
      targetDate: "2026-12-01",
      createdBy: lead.id,
    });
    const [first] = await db.select().from(episodes).where(eq(episodes.familyId, family.id));
    if (!first) throw new Error("no episode");
    const episodeCount = 1 + int(2);
    let openedOn = dayIn("2025-01-01", 300);
    for (let n = 1; n <= episodeCount; n += 1) {
      const last = n === episodeCount;
      const closes = !last || random() < 0.6;
      const closedOn = closes ? addDays(openedOn, 20 + int(200)) : null;
      const byFamily = random() < 0.3;
      const [request] = await db
        .insert(helpRequests)
        .values({
          authorityId,
          receivingAgencyId: lead.agencyId ?? school.id,
          familyId: family.id,
          familyName: "The family",
          requesterKind: byFamily ? "family" : "practitioner",
          requesterAgencyId: byFamily ? null : pick([school.id, health.id]),
          requesterName: "Someone",
          requestedOn: addDays(openedOn, -int(5)),
          locality: family.locality,
          worries: "Worries",
          familyKnows: true,
          familyAgrees: true,
          status: "accepted",
          triagedAt: at(openedOn),
          createdBy: manager.id,
        })
        .returning();
      const values = {
        openedAt: at(openedOn),
        requestId: random() < 0.85 ? (request?.id ?? null) : null,
        status: closes ? ("closed" as const) : ("plan_in_place" as const),
        closedAt: closedOn ? at(closedOn) : null,
        closureReason: closedOn ? pick(closureReasons) : null,
      };
      let episodeId = first.id;
      if (n === 1) await db.update(episodes).set(values).where(eq(episodes.id, first.id));
      else {
        const [row] = await db
          .insert(episodes)
          .values({ familyId: family.id, number: n, origin: "request_for_help", ...values })
          .returning();
        if (!row) throw new Error("no episode");
        episodeId = row.id;
      }
      const startedOn = addDays(openedOn, int(10));
      const completedOn = random() < 0.7 ? addDays(startedOn, int(70)) : null;
      if (completedOn) {
        await db
          .update(episodes)
          .set({ planInPlaceAt: at(completedOn) })
          .where(eq(episodes.id, episodeId));
      }
      // Meetings held (some before the plan, most after), each a review with its next date.
      let reviewedOn = completedOn ?? startedOn;
      for (let m = int(4); m > 0; m -= 1) {
        reviewedOn = addDays(reviewedOn, 5 + int(60));
        const [meeting] = await db
          .insert(meetings)
          .values({
            familyId: family.id,
            kind: "review",
            scheduledFor: at(reviewedOn),
            chairUserId: lead.id,
            state: "ended",
            agenda: [],
            startedAt: at(reviewedOn),
            endedAt: at(reviewedOn),
            createdBy: lead.id,
          })
          .returning();
        if (!meeting) throw new Error("no meeting");
        await db.insert(reviews).values({
          familyId: family.id,
          episodeId,
          meetingId: meeting.id,
          reviewedOn,
          verdict: "positive_change",
          decision: "continue",
          nextReviewOn: random() < 0.8 ? addDays(reviewedOn, 20 + int(50)) : null,
          recordedBy: lead.id,
        });
      }
      const [assessment] = await db
        .insert(assessments)
        .values({
          episodeId,
          familyId: family.id,
          status: completedOn ? "completed" : "draft",
          startedAt: at(startedOn),
          completedAt: completedOn ? at(completedOn) : null,
        })
        .returning();
      if (random() < 0.2) {
        await db.insert(episodeEvents).values({
          episodeId,
          familyId: family.id,
          kind: pick(["stepped_up", "stepped_down", "level_of_need_changed"] as const),
          at: at(dayIn(openedOn, 100)),
        });
      }
      if (closedOn) {
        await db.insert(episodeOutcomeResults).values({
          episodeId,
          outcomeId: outcome.id,
          result: pick(["met", "partly_met", "not_met"] as const),
        });
        for (const area of ["health", "housing"] as const) {
          const memberId = area === "health" ? child.id : null;
          const base = { familyId: family.id, episodeId, area, memberId, recordedBy: lead.id };
          await db.insert(needScores).values({
            ...base,
            stage: "assessment",
            assessmentId: assessment?.id,
            score: int(11),
            scoredOn: startedOn,
          });
          await db.insert(needScores).values({
            ...base,
            stage: "closure",
            score: int(11),
            scoredOn: closedOn,
            scoredBy: random() < 0.2 ? "family" : "practitioners",
          });
        }
        const [invitation] = await db
          .insert(feedbackInvitations)
          .values({ familyId: family.id, episodeId, occasion: "closure", offeredAt: at(closedOn) })
          .returning();
        if (invitation && random() < 0.8) {
          await db.insert(feedbackAnswers).values({
            invitationId: invitation.id,
            familyId: family.id,
            memberId: child.id,
            respected: 1 + int(5),
            listenedTo: 1 + int(5),
            helped: 1 + int(5),
            wouldRecommend: 1 + int(5),
            answeredAt: at(dayIn(closedOn, 10)),
          });
        }
        for (const months of ["3", "6"] as const) {
          const recorded = random() < 0.7;
          await db.insert(sustainabilityChecks).values({
            episodeId,
            familyId: family.id,
            monthsAfter: months,
            dueOn: addDays(closedOn, Number(months) * 30),
            result: recorded ? pick(["sustained", "not_sustained", "not_known"] as const) : null,
            recordedAt: recorded ? at(addDays(closedOn, Number(months) * 30)) : null,
          });
        }
      }
      if (random() < 0.3) {
        await db.insert(caseAudits).values({
          familyId: family.id,
          episodeId,
          auditorId: manager.id,
          practitionerId: lead.id,
          auditedOn: dayIn(openedOn, 120),
          grade: pick(auditGrades),
          areas: [],
          feedback: "Feedback",
        });
      }
      openedOn = closedOn ? addDays(closedOn, int(400)) : openedOn;
    }
  }
}, 120_000);
afterAll(() => api.close());

const periods = [
  periodStarting("year", "2025-07-01"),
  periodStarting("quarter", "2025-10-01"),
  periodStarting("month", "2026-01-01"),
  // Not on the first of a month: whole months from the monthly counts, the ends from the facts.
  periodStarting("year", "2025-06-17"),
  periodStarting("month", "2025-11-09"),
];

describe("the figures counted in SQL agree with the domain's definitions", () => {
  it.each(periods.flatMap((period) => figureSplits.map((split) => ({ period, split }))))(
    "$period.kind from $period.from split by $split",
    async ({ period, split }) => {
      const db = api.deps.db;
      const records = await loadFigureRecords(db, authorityId);
      const actual = await countFiguresInSql(db, { authorityId, agencyId: null }, period, split);
      expect(actual.byGroup).toEqual(countFigures(records, period, split));
      expect(actual.overall).toEqual(countFigures(records, period, "none"));
    },
  );

  it("is not vacuous: the year has requests, closures, re-referrals, feedback and audits", async () => {
    const records = await loadFigureRecords(api.deps.db, authorityId);
    const { counts } = countFigures(
      records,
      periods[0] ?? periodStarting("year", "2025-07-01"),
      "none",
    );
    for (const measure of [
      "requests.received",
      "closures.total",
      "rereferrals.within_12_months",
      "feedback.answers",
      "assessments.completed",
      "distance.health.lines",
      "tac.within_target",
      "reviews.on_time",
      "reviews.due",
    ]) {
      expect(counts[measure]?.all, measure).toBeGreaterThan(0);
    }
  });

  it("counts only the manager's service when scoped to an agency", async () => {
    const db = api.deps.db;
    const period = periods[0] ?? periodStarting("year", "2025-07-01");
    const { byGroup } = await countFiguresInSql(
      db,
      { authorityId, agencyId },
      period,
      "lead_agency",
    );
    for (const groups of Object.values(byGroup.counts)) {
      expect(Object.keys(groups).every((g) => g === agencyId || g === "all")).toBe(true);
    }
  });
});

/** The monthly counts as they stand, rows that count something only, in a fixed order. */
async function storedCounts(): Promise<unknown[]> {
  const db = api.deps.db;
  return executeRows(
    db,
    sql`select scope, split, month::text, kind, attr, days, grp, rows::int, n::int, a::int,
          b::int, c::int, d::int
        from figure_counts where authority_id = ${authorityId} and rows <> 0
        order by scope, split, month, kind, attr, days, grp`,
  );
}

describe("the monthly counts, kept by triggers", () => {
  it("follow changes and removals as a rebuild from scratch would count them", async () => {
    const db = api.deps.db;
    const [family] = await executeRows<{ id: string }>(
      db,
      sql`select id from families where authority_id = ${authorityId} limit 1`,
    );
    if (!family) throw new Error("no family");
    // A case moves to another service; its groups move with every fact of it.
    await db.execute(sql`update families set owning_agency_id = (
        select id from agencies where authority_id = ${authorityId} and id <> families.owning_agency_id limit 1),
        level_of_need = 4, locality = 'East' where id = ${family.id}`);
    // A review, a feedback answer and an audit are removed; a request is decided again.
    await db.execute(sql`delete from feedback_answers where id in (select a.id from feedback_answers a
        join feedback_invitations i on i.id = a.invitation_id join episodes e on e.id = i.episode_id
        join families f on f.id = e.family_id where f.authority_id = ${authorityId} limit 2)`);
    await db.execute(sql`delete from case_audits where id in (select x.id from case_audits x
        join families f on f.id = x.family_id where f.authority_id = ${authorityId} limit 1)`);
    await db.execute(sql`update help_requests set status = 'signposted'
        where id in (select id from help_requests where authority_id = ${authorityId}
          and status = 'not_accepted' limit 3)`);
    await db.execute(sql`update episodes set closure_reason = 'moved_away' where id in (
        select e.id from episodes e join families f on f.id = e.family_id
        where f.authority_id = ${authorityId} and e.closed_at is not null limit 2)`);

    for (const period of [periods[0], periods[3]]) {
      if (!period) continue;
      const records = await loadFigureRecords(db, authorityId);
      for (const split of ["lead_agency", "locality", "level_of_need"] as const) {
        const actual = await countFiguresInSql(db, { authorityId, agencyId: null }, period, split);
        expect(actual.byGroup).toEqual(countFigures(records, period, split));
      }
    }
    const kept = await storedCounts();
    await db.execute(sql`select refresh_all_figure_facts()`);
    expect(await storedCounts()).toEqual(kept);
  });
});

describe("periodParts", () => {
  it("reads whole months from the counts and the days at either end from the facts", () => {
    expect(periodParts(periodStarting("quarter", "2025-10-01"))).toEqual({
      months: { first: "2025-10-01", last: "2025-12-01" },
      days: [],
    });
    expect(periodParts(periodStarting("year", "2025-06-17"))).toEqual({
      months: { first: "2025-07-01", last: "2026-05-01" },
      days: [
        { from: "2025-06-17", to: "2025-06-30" },
        { from: "2026-06-01", to: "2026-06-16" },
      ],
    });
    expect(periodParts(periodStarting("month", "2025-11-09"))).toEqual({
      months: null,
      days: [{ from: "2025-11-09", to: "2025-12-08" }],
    });
  });
});
