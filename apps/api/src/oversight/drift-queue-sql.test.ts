import {
  actions,
  consents,
  episodes,
  executeRows,
  families,
  helpRequests,
  localAuthorities,
  meetings,
  reviews,
  sustainabilityChecks,
  teamMemberships,
  users,
} from "@teamaround/db";
import { generateAuthority } from "@teamaround/db/generate";
import {
  addDays,
  addWorkingDays,
  type DriftFacts,
  type DriftItem,
  driftKinds,
  driftQueue,
} from "@teamaround/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing/test-api";
import { driftPageSize, readDriftPage } from "./drift-queue";
import type { ManagerScope } from "./manager-scope";

/**
 * The stored drift items (migration 0020, kept by triggers) must give exactly
 * what the domain's drift rules give over the same records: a generated
 * authority, every manager's queue read a page at a time and compared with
 * `driftQueue` over plain rows read whole, before and after changes to every
 * table the items are computed from.
 */
let api: TestApi;
let authorityId: string;
let today: string;

beforeAll(async () => {
  // A database of its own on PostgreSQL: the generator rebuilds every summary
  // table whole (drift items, figure facts), other files' families included.
  api = await startTestApi({ isolatedDatabase: true });
  today = api.clock.now.toISOString().slice(0, 10);
  const { org } = await generateAuthority(api.deps.db, {
    families: 90,
    years: 3,
    staff: 40,
    seed: 23,
    now: api.clock.now,
    sliceSize: 30,
    emailDomain: "drift-sql.generated.teamaround.test",
  });
  authorityId = org.authorityId;
}, 180_000);
afterAll(() => api.close());

/** The domain's queue for one manager, from every row of the authority read whole. */
async function expectedQueue(scope: ManagerScope, on: string): Promise<DriftItem[]> {
  const db = api.deps.db;
  const [authority] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));
  if (!authority) throw new Error("no authority");
  const familyRows = await db.select().from(families).where(eq(families.authorityId, authorityId));
  const leads = await db
    .select({ familyId: teamMemberships.familyId, managerId: users.managerId })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.role, "lead_professional"), isNull(teamMemberships.removedAt)));
  const leadManager = new Map(leads.map((l) => [l.familyId, l.managerId]));
  const inScope = familyRows.filter(
    (f) => f.owningAgencyId === scope.agencyId || leadManager.get(f.id) === scope.managerId,
  );
  const ids = inScope.map((f) => f.id);
  const byId = new Map(familyRows.map((f) => [f.id, f]));
  const part = (familyId: string) => {
    const f = byId.get(familyId);
    if (!f) throw new Error("family not found");
    return { familyId, familyName: f.displayName, familyReference: f.reference };
  };
  const some = <T>(rows: Promise<T[]>) => (ids.length === 0 ? Promise.resolve([] as T[]) : rows);
  const open = (
    await some(db.select().from(episodes).where(inArray(episodes.familyId, ids)))
  ).filter((e) => e.status !== "closed");
  const openIds = new Set(open.map((e) => e.familyId));
  const held = await some(
    db
      .select({ m: meetings, nextReviewOn: reviews.nextReviewOn })
      .from(meetings)
      .leftJoin(reviews, eq(reviews.meetingId, meetings.id))
      .where(and(inArray(meetings.familyId, ids), eq(meetings.state, "ended"))),
  );
  const requests = await db
    .select()
    .from(helpRequests)
    .where(
      and(
        eq(helpRequests.authorityId, authorityId),
        eq(helpRequests.receivingAgencyId, scope.agencyId),
      ),
    );
  const facts: DriftFacts = {
    today: on,
    targets: authority,
    requests: requests.map((r) => ({
      id: r.id,
      familyId: r.familyId,
      familyName: r.familyName,
      familyReference: r.familyId ? (byId.get(r.familyId)?.reference ?? null) : null,
      requestedOn: r.requestedOn,
      awaitingTriage: r.status === "awaiting_triage",
    })),
    episodes: open.map((e) => {
      const last = held
        .filter((h) => h.m.familyId === e.familyId && h.m.endedAt && h.m.endedAt >= e.openedAt)
        .sort((a, b) => (b.m.endedAt?.getTime() ?? 0) - (a.m.endedAt?.getTime() ?? 0))[0];
      return {
        ...part(e.familyId),
        episodeId: e.id,
        number: e.number,
        openedAt: e.openedAt,
        status: e.status,
        planInPlaceAt: e.planInPlaceAt,
        hasLeadProfessional: leadManager.has(e.familyId),
        lastMeeting: last?.m.endedAt
          ? { endedAt: last.m.endedAt, kind: last.m.kind, nextReviewOn: last.nextReviewOn }
          : null,
      };
    }),
    actions: (await some(db.select().from(actions).where(inArray(actions.familyId, ids))))
      .filter((a) => openIds.has(a.familyId))
      .map((a) => ({ ...part(a.familyId), ...a })),
    consents: (await some(db.select().from(consents).where(inArray(consents.familyId, ids))))
      .filter((c) => openIds.has(c.familyId))
      .map((c) => ({ ...part(c.familyId), ...c })),
    followUps: (
      await some(
        db.select().from(sustainabilityChecks).where(inArray(sustainabilityChecks.familyId, ids)),
      )
    ).map((f) => ({
      ...part(f.familyId),
      id: f.id,
      monthsAfter: Number(f.monthsAfter),
      dueOn: f.dueOn,
      answered: f.result !== null,
    })),
  };
  return driftQueue(facts);
}

/** Every page of the stored queue, in the order the route serves them. */
async function storedQueue(scope: ManagerScope, on: string) {
  const first = await readDriftPage(api.deps.db, scope, on, { page: 1 });
  const items = [...first.items];
  for (let page = 2; (page - 1) * driftPageSize < first.total; page += 1) {
    items.push(...(await readDriftPage(api.deps.db, scope, on, { page })).items);
  }
  return { ...first, items };
}

async function managers(): Promise<ManagerScope[]> {
  const rows = await api.deps.db
    .select({ managerId: users.id, agencyId: users.agencyId })
    .from(users)
    .where(and(eq(users.authorityId, authorityId), eq(users.role, "manager")));
  return rows.flatMap((r) => (r.agencyId ? [{ ...r, agencyId: r.agencyId, authorityId }] : []));
}

const key = (i: DriftItem) => `${i.kind}:${i.subjectId}`;
const bySubject = (items: DriftItem[]) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

async function expectStoredEqualsDomain() {
  let seen = 0;
  for (const scope of await managers()) {
    for (const on of [today, addDays(today, -90), addDays(today, 45)]) {
      const stored = await storedQueue(scope, on);
      const expected = await expectedQueue(scope, on);
      expect(bySubject(stored.items), `${scope.managerId} on ${on}`).toEqual(bySubject(expected));
      const dues = stored.items.map((i) => i.dueOn);
      expect(dues).toEqual([...dues].sort());
      expect(stored.total).toBe(expected.length);
      for (const kind of driftKinds) {
        expect(stored.counts[kind]).toBe(expected.filter((i) => i.kind === kind).length);
      }
      seen += expected.length;
    }
  }
  return seen;
}

/**
 * This authority's stored rows are exactly what their definition gives now.
 * Only this test's authority: on PostgreSQL other test files write theirs
 * into the same database at the same time.
 */
async function storedRowsDiffer() {
  const rows = await executeRows<{ n: number }>(
    api.deps.db,
    sql`select count(*)::int as n from (
      (select * from drift_items where authority_id = ${authorityId}
        except select * from drift_items_source where authority_id = ${authorityId})
      union all (select * from drift_items_source where authority_id = ${authorityId}
        except select * from drift_items where authority_id = ${authorityId})) d`,
  );
  return rows[0]?.n;
}

describe("the stored drift items", () => {
  it("add working days in SQL as the domain does", async () => {
    const rows = await executeRows<{ start: string; n: number; due: string }>(
      api.deps.db,
      sql`select to_char(d, 'YYYY-MM-DD') as start, n,
          to_char(add_working_days(d::date, n), 'YYYY-MM-DD') as due
        from generate_series(date '2026-11-01', date '2026-11-21', interval '1 day') d,
          generate_series(0, 30) n`,
    );
    expect(rows.length).toBe(21 * 31);
    for (const r of rows) expect(r.due, `${r.start} + ${r.n}`).toBe(addWorkingDays(r.start, r.n));
  });

  it("give every manager what the domain's rules give, page by page", async () => {
    expect(await storedRowsDiffer()).toBe(0);
    const seen = await expectStoredEqualsDomain();
    expect(seen).toBeGreaterThan(0);
  }, 120_000);

  it("stay exact as every source changes, each statement refreshing what it touched", async () => {
    const db = api.deps.db;
    const ofAuthority = (table: typeof actions | typeof consents | typeof sustainabilityChecks) =>
      sql`${table.familyId} in (select id from families where authority_id = ${authorityId})`;
    const steps: [string, () => Promise<unknown>][] = [
      [
        "actions done and moved",
        async () => {
          await db.execute(sql`update actions set status = 'done'
          where ${ofAuthority(actions)} and status = 'open' and due_date < ${addDays(today, -30)}::date
            and right(id::text, 1) < '8'`);
          await db.execute(sql`update actions set due_date = due_date - 20
          where ${ofAuthority(actions)} and status = 'open' and right(id::text, 1) in ('a', 'b')`);
        },
      ],
      [
        "actions deleted",
        () =>
          db.execute(sql`delete from actions where ${ofAuthority(actions)} and right(id::text, 1) = 'c'
          and id not in (select action_id from action_owners) and status <> 'open'`),
      ],
      [
        "consents withdrawn and reviewed",
        async () => {
          await db.execute(sql`update consents set withdrawn_at = now()
          where ${ofAuthority(consents)} and right(id::text, 1) < '4'`);
          await db.execute(sql`update consents set review_date = ${addDays(today, -3)}::date
          where ${ofAuthority(consents)} and right(id::text, 1) in ('e', 'f')`);
        },
      ],
      [
        "follow-ups answered",
        () =>
          db
            .update(sustainabilityChecks)
            .set({ result: "sustained", recordedAt: api.clock.now })
            .where(sql`${ofAuthority(sustainabilityChecks)} and result is null
            and right(id::text, 1) < '6'`),
      ],
      [
        "leads removed",
        () =>
          db.execute(sql`update team_memberships set removed_at = now(), removed_reason = 'left'
          where role = 'lead_professional' and removed_at is null and right(family_id::text, 1) in ('1', '2')
            and family_id in (select id from families where authority_id = ${authorityId})`),
      ],
      [
        "meetings ended, reviews dated, a closing meeting",
        async () => {
          await db.execute(sql`update reviews set next_review_on = ${addDays(today, -10)}::date
          where family_id in (select id from families where authority_id = ${authorityId})
            and right(id::text, 1) < '5'`);
          await db.execute(sql`update meetings set kind = 'closing'
          where state = 'ended' and right(id::text, 1) = '0'
            and family_id in (select id from families where authority_id = ${authorityId})`);
        },
      ],
      [
        "episodes closed, plans put in place",
        async () => {
          await db.execute(sql`update episodes set status = 'closed', closed_at = now(), closure_reason = 'outcomes_met'
          where status = 'plan_in_place' and right(id::text, 1) = '3'
            and family_id in (select id from families where authority_id = ${authorityId})`);
          await db.execute(sql`update episodes set status = 'plan_in_place', plan_in_place_at = opened_at + interval '40 days'
          where status = 'assessment' and right(id::text, 1) < '8'
            and family_id in (select id from families where authority_id = ${authorityId})`);
        },
      ],
      [
        "requests triaged",
        () =>
          db
            .update(helpRequests)
            .set({ status: "signposted", signpostedTo: "Elsewhere", triagedAt: api.clock.now })
            .where(sql`authority_id = ${authorityId} and status = 'awaiting_triage'
            and right(id::text, 1) < '8'`),
      ],
      [
        "families moved to another service and renamed",
        async () => {
          const [other] = await db
            .select({ id: families.owningAgencyId })
            .from(families)
            .where(eq(families.authorityId, authorityId))
            .limit(1);
          await db.execute(sql`update families set owning_agency_id = ${other?.id}, display_name = display_name || ' (moved)'
          where authority_id = ${authorityId} and right(id::text, 1) in ('5', '6', '7')`);
        },
      ],
      [
        "the authority's targets",
        () =>
          db
            .update(localAuthorities)
            .set({
              triageTargetWorkingDays: 2,
              assessmentTargetWorkingDays: 30,
              actionOverdueDays: 3,
              firstTacWorkingDays: 5,
              reviewMaxWeeks: 8,
            })
            .where(eq(localAuthorities.id, authorityId)),
      ],
    ];
    for (const [what, step] of steps) {
      await step();
      expect(await storedRowsDiffer(), what).toBe(0);
    }
    expect(await expectStoredEqualsDomain()).toBeGreaterThan(0);
    const ours = sql`select * from drift_items where authority_id = ${authorityId} order by kind, subject_id`;
    const before = await executeRows(api.deps.db, ours);
    await api.deps.db.execute(sql`select refresh_authority_drift_items(${authorityId})`);
    const after = await executeRows(api.deps.db, ours);
    expect(after).toEqual(before);
  }, 180_000);
});
