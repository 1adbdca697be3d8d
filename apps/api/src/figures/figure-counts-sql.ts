import { type Executor, executeRows } from "@teamaround/db";
import type { FigureCounts, FigurePeriod, FigureSplit } from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";

/** Whose figures: an authority, or one service of it (a manager's). */
export interface FigureScope {
  authorityId: string;
  /** Only episodes led by, and requests to, this agency; null for the whole partnership. */
  agencyId: string | null;
}

type Row = Record<string, unknown>;

/** The group of an episode, per split (the same as `episodeGroup` in the domain). */
function episodeGroupSql(split: FigureSplit): SQL {
  switch (split) {
    case "none":
      return sql`'all'`;
    case "lead_agency":
      return sql`ep.lead_agency`;
    case "asking_agency":
      return sql`ep.asking`;
    case "locality":
      return sql`coalesce(ep.locality, 'not_known')`;
    case "level_of_need":
      return sql`ep.level_of_need::text`;
    case "age_band":
      return sql`case
        when ep.youngest_born is null then 'not_known'
        when extract(year from age(ep.opened_on, ep.youngest_born)) <= 4 then '0-4'
        when extract(year from age(ep.opened_on, ep.youngest_born)) <= 10 then '5-10'
        when extract(year from age(ep.opened_on, ep.youngest_born)) <= 15 then '11-15'
        else '16+' end`;
  }
}

/** The group of a request (the same as `requestGroup` in the domain). */
function requestGroupSql(split: FigureSplit): SQL {
  switch (split) {
    case "none":
      return sql`'all'`;
    case "lead_agency":
      return sql`hr.receiving_agency_id::text`;
    case "asking_agency":
      return sql`coalesce(hr.requester_agency_id::text, 'family')`;
    default:
      return sql`'not_known'`;
  }
}

const utcDay = (column: SQL) => sql`(${column} at time zone 'UTC')::date`;

/**
 * Every episode in scope with its group: one set-based pass the figure
 * queries join to.
 */
function groupedEpisodes(scope: FigureScope, split: FigureSplit): SQL {
  const agency = scope.agencyId ? sql`and f.owning_agency_id = ${scope.agencyId}` : sql``;
  return sql`with ep as (
    select e.id, e.family_id, e.number,
      ${utcDay(sql`e.opened_at`)} as opened_on,
      ${utcDay(sql`e.plan_in_place_at`)} as plan_on,
      ${utcDay(sql`e.closed_at`)} as closed_on,
      e.closure_reason::text as closure_reason,
      f.owning_agency_id::text as lead_agency,
      case when hr.id is null then 'stepped_down'
        else coalesce(hr.requester_agency_id::text, 'family') end as asking,
      f.locality, f.level_of_need,
      (select max(m.date_of_birth) from family_members m
        where m.family_id = e.family_id and m.kind = 'child' and m.date_of_birth is not null
          and m.date_of_birth <= ${utcDay(sql`e.opened_at`)}) as youngest_born,
      (select tm.user_id from team_memberships tm
        where tm.family_id = e.family_id and tm.role = 'lead_professional' and tm.removed_at is null
        limit 1) as lead_user
    from episodes e
    join families f on f.id = e.family_id
    left join help_requests hr on hr.id = e.request_id
    where f.authority_id = ${scope.authorityId} ${agency}
  ), g as (select ep.*, ${episodeGroupSql(split)} as grp from ep)`;
}

/** Both drivers (PGlite and postgres.js), through the one helper in `@teamaround/db`. */
function rows(db: Executor, query: SQL): Promise<Row[]> {
  return executeRows<Row>(db, query);
}

/**
 * The figures of a period counted by the database, in set-based queries
 * (one per record kind, grouped by the split): the same numbers as
 * `countFigures` over the same records (tested in figure-counts-sql.test.ts).
 */
export async function countFiguresInSql(
  db: Executor,
  scope: FigureScope,
  period: FigurePeriod,
  split: FigureSplit,
): Promise<FigureCounts> {
  const counts: Record<string, Record<string, number>> = {};
  const medians: Record<string, Record<string, number>> = {};
  const put = (into: typeof counts, measure: string, group: string, value: unknown) => {
    const n = Number(value ?? 0);
    if (!n && into === counts) return;
    if (value === null || value === undefined) return;
    into[measure] = { ...(into[measure] ?? {}), [group]: (into[measure]?.[group] ?? 0) + n };
  };
  const { from, to } = period;
  const inPeriod = (day: SQL) => sql`${day} between ${from}::date and ${to}::date`;
  const episodesCte = groupedEpisodes(scope, split);

  const requestAgency = scope.agencyId
    ? sql`and hr.receiving_agency_id = ${scope.agencyId}`
    : sql``;
  for (const r of await rows(
    db,
    sql`select ${requestGroupSql(split)} as grp, hr.status::text as status,
        hr.requester_agency_id is null as by_family, count(*) as n
      from help_requests hr
      where hr.authority_id = ${scope.authorityId} ${requestAgency}
        and ${inPeriod(sql`hr.requested_on`)}
      group by 1, 2, 3`,
  )) {
    const group = String(r.grp);
    put(counts, "requests.received", group, r.n);
    put(counts, `requests.${r.status}`, group, r.n);
    put(counts, r.by_family ? "requests.from_family" : "requests.from_practitioner", group, r.n);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}, a as (
        select g.grp, ${utcDay(sql`x.started_at`)} as started_on,
          ${utcDay(sql`x.completed_at`)} as completed_on
        from assessments x join g on g.id = x.episode_id)
      select a.grp,
        count(*) filter (where ${inPeriod(sql`a.started_on`)}) as started,
        count(*) filter (where ${inPeriod(sql`a.completed_on`)}) as completed,
        percentile_cont(0.5) within group (order by (
          select count(*) from generate_series(a.started_on + 1, a.completed_on, interval '1 day') d
          where extract(isodow from d) < 6)) filter (where ${inPeriod(sql`a.completed_on`)}) as median_days
      from a group by a.grp`,
  )) {
    const group = String(r.grp);
    put(counts, "assessments.started", group, r.started);
    put(counts, "assessments.completed", group, r.completed);
    put(medians, "assessments.working_days_to_complete", group, r.median_days);
  }

  // The family's previous episode, read from the table by its unique (family, number) index
  // rather than from a second pass over the episodes CTE (which forced it to be materialised).
  const prevClosedOn = utcDay(sql`p.closed_at`);
  const openOnLastDay = sql`g.opened_on <= ${to}::date and (g.closed_on is null or g.closed_on > ${to}::date)`;
  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp,
        count(*) filter (where ${openOnLastDay}) as open,
        count(distinct g.lead_user) filter (where ${openOnLastDay}) as leads,
        count(*) filter (where ${inPeriod(sql`g.opened_on`)}) as opened,
        count(*) filter (where ${inPeriod(sql`g.opened_on`)} and ${prevClosedOn} <= g.opened_on
          and ${prevClosedOn} >= (g.opened_on - interval '12 months')::date) as within_12,
        count(*) filter (where ${inPeriod(sql`g.opened_on`)} and ${prevClosedOn} <= g.opened_on
          and ${prevClosedOn} >= (g.opened_on - interval '3 months')::date) as within_3
      from g left join episodes p on p.family_id = g.family_id and p.number = g.number - 1
      group by g.grp`,
  )) {
    const group = String(r.grp);
    put(counts, "caseload.open", group, r.open);
    put(counts, "caseload.leads", group, r.leads);
    put(counts, "rereferrals.opened", group, r.opened);
    put(counts, "rereferrals.within_12_months", group, r.within_12);
    put(counts, "rereferrals.within_3_months", group, r.within_3);
  }

  const workingDays = (from: SQL, to: SQL) =>
    sql`(select count(*) from generate_series(${from} + 1, ${to}, interval '1 day') d
      where extract(isodow from d) < 6)`;
  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, count(*) as plans,
        count(*) filter (where m.held_on is not null
          and ${workingDays(sql`g.plan_on`, sql`m.held_on`)} <= (
            select a.first_tac_working_days from local_authorities a where a.id = ${scope.authorityId})) as within
      from g left join lateral (
        select min(${utcDay(sql`mt.started_at`)}) as held_on from meetings mt
        where mt.family_id = g.family_id and mt.started_at is not null
          and ${utcDay(sql`mt.started_at`)} >= g.plan_on) m on true
      where ${inPeriod(sql`g.plan_on`)}
      group by g.grp`,
  )) {
    put(counts, "tac.plans", String(r.grp), r.plans);
    put(counts, "tac.within_target", String(r.grp), r.within);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, count(*) as due, count(*) filter (where nx.next_on <= r.next_review_on) as on_time
      from reviews r join g on g.id = r.episode_id
      left join lateral (
        select min(r2.reviewed_on) as next_on from reviews r2
        where r2.episode_id = r.episode_id and r2.reviewed_on > r.reviewed_on) nx on true
      where ${inPeriod(sql`r.next_review_on`)}
      group by g.grp`,
  )) {
    put(counts, "reviews.due", String(r.grp), r.due);
    put(counts, "reviews.on_time", String(r.grp), r.on_time);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, g.closure_reason, count(*) as n from g
      where ${inPeriod(sql`g.closed_on`)} and g.closure_reason is not null
      group by 1, 2`,
  )) {
    put(counts, "closures.total", String(r.grp), r.n);
    put(counts, `closures.${r.closure_reason}`, String(r.grp), r.n);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, count(*) as recorded, count(*) filter (where o.result = 'met') as met
      from episode_outcome_results o join g on g.id = o.episode_id
      where ${inPeriod(sql`g.closed_on`)} group by 1`,
  )) {
    put(counts, "outcomes.recorded", String(r.grp), r.recorded);
    put(counts, "outcomes.met", String(r.grp), r.met);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, v.kind::text as kind, count(*) as n
      from episode_events v join g on g.id = v.episode_id
      where v.kind in ('stepped_up', 'stepped_down') and ${inPeriod(utcDay(sql`v.at`))}
      group by 1, 2`,
  )) {
    put(counts, `changes.${r.kind}`, String(r.grp), r.n);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte},
      closed as (select * from g where ${inPeriod(sql`g.closed_on`)}),
      firsts as (
        select distinct on (s.episode_id, s.area, s.member_id) s.episode_id, s.area, s.member_id, s.score
        from need_scores s join closed c on c.id = s.episode_id
        where s.stage = 'assessment' and s.scored_by = 'practitioners'
        order by s.episode_id, s.area, s.member_id, s.scored_on asc, s.recorded_at desc),
      lasts as (
        select distinct on (s.episode_id, s.area, s.member_id) s.episode_id, s.area, s.member_id, s.score
        from need_scores s join closed c on c.id = s.episode_id
        where s.stage = 'closure' and s.scored_by = 'practitioners'
        order by s.episode_id, s.area, s.member_id, s.scored_on desc, s.recorded_at desc)
      select c.grp, f.area::text as area, count(*) as lines,
        count(*) filter (where l.score > f.score) as improved
      from firsts f
      join lasts l on l.episode_id = f.episode_id and l.area = f.area
        and l.member_id is not distinct from f.member_id
      join closed c on c.id = f.episode_id
      group by 1, 2`,
  )) {
    put(counts, `distance.${r.area}.lines`, String(r.grp), r.lines);
    put(counts, `distance.${r.area}.improved`, String(r.grp), r.improved);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, count(*) as answers,
        count(*) filter (where a.respected >= 4) as respected,
        count(*) filter (where a.listened_to >= 4) as listened_to,
        count(*) filter (where a.helped >= 4) as helped,
        count(*) filter (where a.would_recommend >= 4) as would_recommend
      from feedback_answers a
      join feedback_invitations i on i.id = a.invitation_id
      join g on g.id = i.episode_id
      where ${inPeriod(utcDay(sql`a.answered_at`))}
      group by 1`,
  )) {
    const group = String(r.grp);
    put(counts, "feedback.answers", group, r.answers);
    for (const q of ["respected", "listened_to", "helped", "would_recommend"]) {
      put(counts, `feedback.${q}.positive`, group, r[q]);
    }
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, to_char(x.audited_on, 'YYYY') || '-Q' || extract(quarter from x.audited_on)::int as quarter,
        x.grade::text as grade, count(*) as n
      from case_audits x join g on g.id = x.episode_id
      where ${inPeriod(sql`x.audited_on`)}
      group by 1, 2, 3`,
  )) {
    put(counts, `audits.${r.quarter}.total`, String(r.grp), r.n);
    put(counts, `audits.${r.quarter}.${r.grade}`, String(r.grp), r.n);
  }

  for (const r of await rows(
    db,
    sql`${episodesCte}
      select g.grp, x.months_after, count(*) as known,
        count(*) filter (where x.result = 'sustained') as yes
      from sustainability_checks x join g on g.id = x.episode_id
      where x.result in ('sustained', 'not_sustained') and ${inPeriod(utcDay(sql`x.recorded_at`))}
      group by 1, 2`,
  )) {
    put(counts, `sustained.${r.months_after}_months.known`, String(r.grp), r.known);
    put(counts, `sustained.${r.months_after}_months.yes`, String(r.grp), r.yes);
  }

  return { counts, medians };
}
