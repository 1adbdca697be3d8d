import { type Executor, executeRows } from "@teamaround/db";
import {
  ALL,
  addCalendarMonths,
  addDays,
  type FigureCounts,
  type FigurePeriod,
  type FigureSplit,
} from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";

/** Whose figures: an authority, or one service of it (a manager's). */
export interface FigureScope {
  authorityId: string;
  /** Only episodes led by, and requests to, this agency; null for the whole partnership. */
  agencyId: string | null;
}

type Row = Record<string, unknown>;

/** The episodes in scope in `episode_facts` (alias `g`): the open caseload is counted live. */
function inScope(scope: FigureScope): SQL {
  const agency = scope.agencyId ? sql`and g.lead_agency_id = ${scope.agencyId}` : sql``;
  return sql`g.authority_id = ${scope.authorityId} ${agency}`;
}

/** The group of an episode in `episode_facts`, for the live caseload query. */
function episodeGroupSql(split: FigureSplit): SQL {
  switch (split) {
    case "none":
      return sql`'all'`;
    case "lead_agency":
      return sql`g.lead_agency_id::text`;
    case "asking_agency":
      return sql`g.asking`;
    case "locality":
      return sql`coalesce(g.locality, 'not_known')`;
    case "level_of_need":
      return sql`g.level_of_need::text`;
    case "age_band":
      return sql`g.age_band`;
  }
}

/** A fact's group in `figure_facts` (alias `f`), per split. */
function factGroupSql(split: FigureSplit): SQL {
  switch (split) {
    case "none":
      return sql`'all'`;
    case "lead_agency":
      return sql`f.lead_agency`;
    case "asking_agency":
      return sql`f.asking`;
    case "locality":
      return sql`f.locality`;
    case "level_of_need":
      return sql`f.level_of_need`;
    case "age_band":
      return sql`f.age_band`;
  }
}

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
const lastOfMonth = (day: string) => addDays(addCalendarMonths(firstOfMonth(day), 1), -1);

/**
 * A period as whole calendar months (read from `figure_counts`) and the days
 * at either end outside them (read from `figure_facts`). The periods people
 * choose start on the first of a month, so the ends are usually empty.
 */
export function periodParts(period: FigurePeriod): {
  months: { first: string; last: string } | null;
  days: { from: string; to: string }[];
} {
  const { from, to } = period;
  const first = from === firstOfMonth(from) ? from : addCalendarMonths(firstOfMonth(from), 1);
  const last = to === lastOfMonth(to) ? firstOfMonth(to) : addCalendarMonths(firstOfMonth(to), -1);
  if (first > last) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < first) days.push({ from, to: addDays(first, -1) });
  const afterLast = addCalendarMonths(last, 1);
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { first, last }, days };
}

/** Both drivers (PGlite and postgres.js), through the one helper in `@teamaround/db`. */
function rows(db: Executor, query: SQL): Promise<Row[]> {
  return executeRows<Row>(db, query);
}

/**
 * The months' counts are grouped in a hash table when it fits in `work_mem`;
 * PostgreSQL's default 4 MB is too little for a year of a split with many
 * groups (the asking agency's: ~28,000 rows into ~3,000 groups), and the sort
 * it falls back to spills to disk: 85 ms, against 25 ms hashed, at 100,000
 * families. The memory is given to this one statement, in its own transaction.
 */
function rowsWithRoomToGroup(db: Executor, query: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return rows(tx, query);
  });
}

/** The figures of a period: the totals, and the same split into the split's groups. */
export interface SplitFigureCounts {
  overall: FigureCounts;
  byGroup: FigureCounts;
}

/** Counts and medians per measure and group, filled from the queries' rows. */
class Counted {
  readonly counts: Record<string, Record<string, number>> = {};
  readonly medians: Record<string, Record<string, number>> = {};

  count(measure: string, group: string, value: unknown) {
    const n = Number(value ?? 0);
    if (!n) return;
    const row = this.counts[measure] ?? {};
    row[group] = (row[group] ?? 0) + n;
    this.counts[measure] = row;
  }

  median(measure: string, group: string, value: unknown) {
    if (value === null || value === undefined) return;
    this.medians[measure] = { ...(this.medians[measure] ?? {}), [group]: Number(value) };
  }

  result(): FigureCounts {
    return { counts: this.counts, medians: this.medians };
  }
}

/** Working days to complete, and how many assessments took that many, per group. */
class DayCounts {
  private readonly byGroup = new Map<string, Map<number, number>>();

  add(group: string, days: number, rows: number) {
    if (days < 0 || !rows) return;
    const counts = this.byGroup.get(group) ?? new Map<number, number>();
    counts.set(days, (counts.get(days) ?? 0) + rows);
    this.byGroup.set(group, counts);
  }

  /** The median as PostgreSQL's percentile_cont(0.5) gives it: the middle two averaged. */
  medians(): [string, number][] {
    return [...this.byGroup].map(([group, counts]) => {
      const sorted = [...counts].sort(([a], [b]) => a - b);
      const total = sorted.reduce((sum, [, n]) => sum + n, 0);
      const at = (index: number) => {
        let seen = 0;
        for (const [days, n] of sorted) {
          seen += n;
          if (index < seen) return days;
        }
        return sorted[sorted.length - 1]?.[0] ?? 0;
      };
      const middle = (total - 1) / 2;
      return [group, (at(Math.floor(middle)) + at(Math.ceil(middle))) / 2];
    });
  }
}

/**
 * The figures of a period counted by the database: the same numbers as
 * `countFigures` over the same records (tested in figure-counts-sql.test.ts).
 * Whole months come from `figure_counts` (sums per month, split and group
 * kept by triggers, migration 0019), the days at either end from
 * `figure_facts`, and the open caseload on the period's last day from
 * `episode_facts`. Totals are the 'none' split's rows, so a median or a
 * distinct count of the whole is never summed from its groups. The counts
 * keep working days only in those totals (migration 0022); the groups'
 * medians and first TACs within target are read from `figure_facts`.
 */
export async function countFiguresInSql(
  db: Executor,
  scope: FigureScope,
  period: FigurePeriod,
  split: FigureSplit,
): Promise<SplitFigureCounts> {
  const unsplit = split === "none";
  const splits = unsplit ? sql`('none')` : sql`('none', ${split})`;
  const { months, days } = periodParts(period);
  const counted = months
    ? sql`select c.split, c.grp, c.kind, c.attr, c.days,
          case when c.kind = 'audit' then to_char(c.month, 'YYYY') || '-Q' || extract(quarter from c.month)::int
            else '' end as quarter,
          sum(c.rows) as rows, sum(c.n) as n, sum(c.a) as a, sum(c.b) as b, sum(c.c) as c, sum(c.d) as d
        from figure_counts c
        where c.authority_id = ${scope.authorityId} and c.scope = ${scope.agencyId ?? ""}
          and c.split in ${splits} and c.month between ${months.first}::date and ${months.last}::date
        group by 1, 2, 3, 4, 5, 6`
    : null;
  const groupsOfFact = unsplit
    ? sql`(values ('none', 'all'))`
    : sql`(values ('none', 'all'), (${split}, ${factGroupSql(split)}))`;
  const counting = days.length
    ? sql`select s.split, s.grp, f.kind, f.attr, case when s.split = 'none' then f.days else -1 end as days,
          case when f.kind = 'audit' then to_char(f.day, 'YYYY') || '-Q' || extract(quarter from f.day)::int
            else '' end as quarter,
          count(*) as rows, sum(f.n) as n, sum(f.a) as a, sum(f.b) as b, sum(f.c) as c, sum(f.d) as d
        from figure_facts f cross join lateral ${groupsOfFact} s(split, grp)
        where f.authority_id = ${scope.authorityId}
          ${scope.agencyId ? sql`and f.lead_agency = ${scope.agencyId}` : sql``}
          and (${sql.join(
            days.map((d) => sql`f.day between ${d.from}::date and ${d.to}::date`),
            sql` or `,
          )})
        group by 1, 2, 3, 4, 5, 6`
    : null;
  const eg = episodeGroupSql(split);
  // Open on the last day: still open, or closed after it; two ranges of one covering index.
  const openOn = (closed: SQL) =>
    sql`select * from episode_facts g
      where ${inScope(scope)} and ${closed} and g.opened_on <= ${period.to}::date`;
  const caseload = sql`select ${unsplit ? sql`'all'` : eg} as grp,
      ${unsplit ? sql`0` : sql`grouping(${eg})`} as is_total,
      count(*) as open, count(distinct g.lead_user_id) as leads
    from (${openOn(sql`g.closed_on is null`)}
      union all ${openOn(sql`g.closed_on > ${period.to}::date`)}) g
    ${unsplit ? sql`` : sql`group by grouping sets ((${eg}), ())`}`;
  // The groups' working days (medians, first TAC within target), which the counts keep only in total.
  const groupDaysQuery = unsplit
    ? null
    : sql`select ${factGroupSql(split)} as grp, f.kind, f.days, count(*) as rows
        from figure_facts f
        where f.authority_id = ${scope.authorityId}
          and f.kind in ('assessment_completed', 'plan') and f.days >= 0
          and f.day between ${period.from}::date and ${period.to}::date
          ${scope.agencyId ? sql`and f.lead_agency = ${scope.agencyId}` : sql``}
        group by 1, 2, 3`;
  const [fromMonths, fromDays, groupDayRows, open, authority] = await Promise.all([
    counted ? rowsWithRoomToGroup(db, counted) : Promise.resolve([]),
    counting ? rows(db, counting) : Promise.resolve([]),
    groupDaysQuery ? rows(db, groupDaysQuery) : Promise.resolve([]),
    rows(db, caseload),
    rows(
      db,
      sql`select first_tac_working_days as target from local_authorities where id = ${scope.authorityId}`,
    ),
  ]);
  const tacTarget = Number(authority[0]?.target ?? 0);

  const overall = new Counted();
  const byGroup = unsplit ? overall : new Counted();
  const overallDays = new DayCounts();
  const groupDays = unsplit ? overallDays : new DayCounts();
  for (const r of [...fromMonths, ...fromDays]) {
    const total = r.split === "none";
    const into = total ? overall : byGroup;
    const group = total ? ALL : String(r.grp);
    const [n, a, b, c, d] = [r.n, r.a, r.b, r.c, r.d].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const count = Number(r.rows);
    const attr = String(r.attr);
    const days = Number(r.days);
    switch (r.kind) {
      case "request":
        into.count("requests.received", group, count);
        into.count(`requests.${attr}`, group, count);
        into.count("requests.from_family", group, a);
        into.count("requests.from_practitioner", group, count - a);
        break;
      case "assessment_started":
        into.count("assessments.started", group, count);
        break;
      case "assessment_completed":
        into.count("assessments.completed", group, count);
        if (total) overallDays.add(group, days, count);
        break;
      case "opened":
        into.count("rereferrals.opened", group, count);
        into.count("rereferrals.within_12_months", group, a);
        into.count("rereferrals.within_3_months", group, b);
        break;
      case "plan":
        into.count("tac.plans", group, count);
        if (total && days >= 0 && days <= tacTarget) {
          into.count("tac.within_target", group, count);
        }
        break;
      case "review_due":
        into.count("reviews.due", group, count);
        into.count("reviews.on_time", group, a);
        break;
      case "closure":
        into.count("closures.total", group, count);
        into.count(`closures.${attr}`, group, count);
        break;
      case "outcomes":
        into.count("outcomes.recorded", group, n);
        into.count("outcomes.met", group, a);
        break;
      case "change":
        into.count(`changes.${attr}`, group, count);
        break;
      case "distance":
        into.count(`distance.${attr}.lines`, group, n);
        into.count(`distance.${attr}.improved`, group, a);
        break;
      case "feedback":
        into.count("feedback.answers", group, count);
        into.count("feedback.respected.positive", group, a);
        into.count("feedback.listened_to.positive", group, b);
        into.count("feedback.helped.positive", group, c);
        into.count("feedback.would_recommend.positive", group, d);
        break;
      case "audit":
        into.count(`audits.${r.quarter}.total`, group, count);
        into.count(`audits.${r.quarter}.${attr}`, group, count);
        break;
      case "sustained":
        into.count(`sustained.${attr}_months.known`, group, count);
        into.count(`sustained.${attr}_months.yes`, group, a);
        break;
    }
  }
  for (const r of groupDayRows) {
    const days = Number(r.days);
    const count = Number(r.rows);
    if (r.kind === "assessment_completed") groupDays.add(String(r.grp), days, count);
    else if (days <= tacTarget) byGroup.count("tac.within_target", String(r.grp), count);
  }
  for (const [group, median] of overallDays.medians()) {
    overall.median("assessments.working_days_to_complete", group, median);
  }
  if (!unsplit) {
    for (const [group, median] of groupDays.medians()) {
      byGroup.median("assessments.working_days_to_complete", group, median);
    }
  }
  for (const r of open) {
    const into = Number(r.is_total) === 1 ? overall : byGroup;
    const group = Number(r.is_total) === 1 ? ALL : String(r.grp);
    into.count("caseload.open", group, r.open);
    into.count("caseload.leads", group, r.leads);
  }
  return { overall: overall.result(), byGroup: byGroup.result() };
}
