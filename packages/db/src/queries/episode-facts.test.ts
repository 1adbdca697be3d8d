import { workingDaysBetween } from "@teamaround/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import {
  episodes,
  families,
  familyMembers,
  helpRequests,
  meetings,
  needScores,
  reviews,
  teamMemberships,
} from "../schema";
import { buildAssessment } from "../testing/assessment-factories";
import { buildNextEpisode } from "../testing/episode-factories";
import { buildAgency, buildMeeting, buildMember, buildUser } from "../testing/factories";
import { buildScenario } from "../testing/scenario";
import { openTestDatabase } from "../testing/test-database";
import { executeRows } from "./execute-rows";

/**
 * `episode_facts` is kept by statement triggers (migration 0010). After every
 * kind of write that can change an episode's groups or days, the stored rows
 * must equal what `episode_facts_source` computes from the case record now.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

type Row = Record<string, unknown>;
const ordered = (rows: Row[]) =>
  rows.map((r) => JSON.stringify(r)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function expectFactsCurrent(familyId: string) {
  const stored = await executeRows<Row>(
    handle.db,
    sql`select * from episode_facts where family_id = ${familyId}`,
  );
  const computed = await executeRows<Row>(
    handle.db,
    sql`select * from episode_facts_source where family_id = ${familyId}`,
  );
  expect(computed.length).toBeGreaterThan(0);
  expect(ordered(stored)).toEqual(ordered(computed));
  return stored;
}

describe("episode_facts stays current", () => {
  it("follows every write that changes an episode's groups or days", async () => {
    const db = handle.db;
    const { family, users, members } = await buildScenario(db);
    let facts = await expectFactsCurrent(family.id);
    expect(facts[0]).toMatchObject({ lead_user_id: users.lead.id, age_band: "11-15" });

    // The family moves, its need changes, another service takes the case.
    const other = await buildAgency(db, { authorityId: users.lead.authorityId, type: "health" });
    await db
      .update(families)
      .set({ locality: "North", levelOfNeed: 3, owningAgencyId: other.id })
      .where(eq(families.id, family.id));
    facts = await expectFactsCurrent(family.id);
    expect(facts[0]).toMatchObject({
      locality: "North",
      level_of_need: 3,
      lead_agency_id: other.id,
    });

    // A younger child joins; a date of birth is corrected; a member leaves.
    const baby = await buildMember(db, {
      familyId: family.id,
      kind: "child",
      dateOfBirth: "2024-01-05",
    });
    facts = await expectFactsCurrent(family.id);
    expect(facts[0]?.age_band).toBe("0-4");
    await db
      .update(familyMembers)
      .set({ dateOfBirth: "2099-01-01" })
      .where(eq(familyMembers.id, baby.id));
    await expectFactsCurrent(family.id);
    await db.delete(familyMembers).where(eq(familyMembers.id, baby.id));
    facts = await expectFactsCurrent(family.id);
    expect(facts[0]?.age_band).toBe("11-15");
    expect(members.child.id).toBeTruthy();

    // The lead professional changes.
    const newLead = await buildUser(db, {
      authorityId: users.lead.authorityId,
      role: "practitioner",
      agencyId: other.id,
    });
    await db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(eq(teamMemberships.familyId, family.id));
    await expectFactsCurrent(family.id);
    await db
      .insert(teamMemberships)
      .values({ familyId: family.id, userId: newLead.id, role: "lead_professional" });
    facts = await expectFactsCurrent(family.id);
    expect(facts[0]?.lead_user_id).toBe(newLead.id);

    // The plan is in place, then the first TAC is held; a meeting is removed.
    await db
      .update(episodes)
      .set({ planInPlaceAt: new Date("2026-03-06T10:00:00Z") })
      .where(eq(episodes.familyId, family.id));
    const tac = await buildMeeting(db, {
      familyId: family.id,
      chairUserId: newLead.id,
      startedAt: new Date("2026-03-13T10:00:00Z"),
      state: "ended",
      endedAt: new Date("2026-03-13T11:00:00Z"),
    });
    facts = await expectFactsCurrent(family.id);
    expect(facts[0]).toMatchObject({ first_tac_on: "2026-03-13", first_tac_working_days: 5 });
    await db
      .update(meetings)
      .set({ startedAt: new Date("2026-03-20T10:00:00Z") })
      .where(eq(meetings.id, tac.id));
    facts = await expectFactsCurrent(family.id);
    expect(facts[0]).toMatchObject({ first_tac_working_days: 10 });

    // The episode closes and the family comes back: a re-referral.
    await db
      .update(episodes)
      .set({
        status: "closed",
        closedAt: new Date("2026-04-01T09:00:00Z"),
        closureReason: "outcomes_met",
      })
      .where(eq(episodes.familyId, family.id));
    await buildNextEpisode(db, family.id, newLead.id);
    facts = await expectFactsCurrent(family.id);
    expect(facts).toHaveLength(2);
    expect(facts.some((f) => f.previous_closed_on === "2026-04-01")).toBe(true);
  });

  it("follows the request that opened an episode", async () => {
    const db = handle.db;
    const { family, users } = await buildScenario(db);
    const [episode] = await db.select().from(episodes).where(eq(episodes.familyId, family.id));
    const [request] = await db
      .insert(helpRequests)
      .values({
        authorityId: users.lead.authorityId,
        receivingAgencyId: users.lead.agencyId ?? "",
        familyId: family.id,
        episodeId: episode?.id,
        familyName: "The family",
        requesterKind: "family",
        requesterName: "A parent",
        requestedOn: "2026-01-05",
        worries: "Worries",
        familyKnows: true,
        familyAgrees: true,
        status: "accepted",
        triagedAt: new Date(),
        createdBy: users.lead.id,
      })
      .returning();
    await db
      .update(episodes)
      .set({ requestId: request?.id })
      .where(eq(episodes.familyId, family.id));
    expect((await expectFactsCurrent(family.id))[0]?.asking).toBe("family");
    await db
      .update(helpRequests)
      .set({ requesterKind: "practitioner", requesterAgencyId: users.lead.agencyId })
      .where(eq(helpRequests.familyId, family.id));
    expect((await expectFactsCurrent(family.id))[0]?.asking).toBe(users.lead.agencyId);
  });
});

/** review_facts and episode_distance against their views, for one episode. */
async function expectSummariesCurrent(episodeId: string) {
  for (const [table, view] of [
    ["review_facts", "review_facts_source"],
    ["episode_distance", "episode_distance_source"],
  ] as const) {
    const stored = await executeRows<Row>(
      handle.db,
      sql`select * from ${sql.identifier(table)} where episode_id = ${episodeId}`,
    );
    const computed = await executeRows<Row>(
      handle.db,
      sql`select * from ${sql.identifier(view)} where episode_id = ${episodeId}`,
    );
    expect(ordered(stored), table).toEqual(ordered(computed));
  }
}

describe("review_facts and episode_distance stay current", () => {
  it("follow reviews held and scores recorded, changed and removed", async () => {
    const db = handle.db;
    const { family, users, members } = await buildScenario(db);
    const assessment = await buildAssessment(db, { familyId: family.id, startedBy: users.lead.id });
    const episodeId = assessment.episodeId;
    const review = async (reviewedOn: string, nextReviewOn: string | null) => {
      const meeting = await buildMeeting(db, {
        familyId: family.id,
        chairUserId: users.lead.id,
        state: "ended",
        startedAt: new Date(`${reviewedOn}T10:00:00Z`),
        endedAt: new Date(`${reviewedOn}T11:00:00Z`),
      });
      const [row] = await db
        .insert(reviews)
        .values({
          familyId: family.id,
          episodeId,
          meetingId: meeting.id,
          reviewedOn,
          verdict: "positive_change",
          decision: "continue",
          nextReviewOn,
          recordedBy: users.lead.id,
        })
        .returning();
      return row;
    };
    await review("2026-01-10", "2026-02-20");
    await expectSummariesCurrent(episodeId);
    const second = await review("2026-02-18", "2026-04-01");
    await expectSummariesCurrent(episodeId);
    const facts = await executeRows<Row>(
      db,
      sql`select followed_on from review_facts where episode_id = ${episodeId} order by next_review_on`,
    );
    expect(facts.map((f) => f.followed_on)).toEqual(["2026-02-18", null]);
    await db.delete(reviews).where(eq(reviews.id, second?.id ?? ""));
    await expectSummariesCurrent(episodeId);

    const score = (stage: "assessment" | "closure", value: number, memberId: string | null) => ({
      familyId: family.id,
      episodeId,
      stage,
      assessmentId: stage === "assessment" ? assessment.id : null,
      area: "health" as const,
      memberId,
      score: value,
      scoredOn: stage === "assessment" ? "2026-01-05" : "2026-05-01",
      recordedBy: users.lead.id,
    });
    await db
      .insert(needScores)
      .values([score("assessment", 3, members.child.id), score("assessment", 4, null)]);
    await expectSummariesCurrent(episodeId);
    const [closing] = await db
      .insert(needScores)
      .values([score("closure", 7, members.child.id), score("closure", 2, null)])
      .returning();
    await expectSummariesCurrent(episodeId);
    let distance = await executeRows<Row>(
      db,
      sql`select lines, improved from episode_distance where episode_id = ${episodeId}`,
    );
    expect(distance).toEqual([{ lines: 2, improved: 1 }]);
    await db
      .update(needScores)
      .set({ score: 1 })
      .where(eq(needScores.id, closing?.id ?? ""));
    await expectSummariesCurrent(episodeId);
    distance = await executeRows<Row>(
      db,
      sql`select lines, improved from episode_distance where episode_id = ${episodeId}`,
    );
    expect(distance).toEqual([{ lines: 2, improved: 0 }]);
    await db.delete(needScores).where(eq(needScores.stage, "closure"));
    await expectSummariesCurrent(episodeId);
  });
});

describe("working_days_between", () => {
  it("counts as the domain's workingDaysBetween does", async () => {
    const days = Array.from({ length: 30 }, (_, i) =>
      new Date(Date.UTC(2025, 11, 20 + i)).toISOString().slice(0, 10),
    );
    const pairs = days.flatMap((a) => days.map((b) => [a, b] as const));
    const rows = await executeRows<{ a: string; b: string; n: number }>(
      handle.db,
      sql`select p.a, p.b, working_days_between(p.a::date, p.b::date) as n
        from json_to_recordset(${JSON.stringify(pairs.map(([a, b]) => ({ a, b })))}::json)
          as p(a text, b text)`,
    );
    expect(rows).toHaveLength(pairs.length);
    for (const r of rows)
      expect([r.a, r.b, Number(r.n)]).toEqual([r.a, r.b, workingDaysBetween(r.a, r.b)]);
  });
});
