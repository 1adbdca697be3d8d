CREATE TABLE "figure_counts" (
	"authority_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"split" text NOT NULL,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"attr" text NOT NULL,
	"days" integer NOT NULL,
	"grp" text NOT NULL,
	"rows" bigint NOT NULL,
	"n" bigint NOT NULL,
	"a" bigint NOT NULL,
	"b" bigint NOT NULL,
	"c" bigint NOT NULL,
	"d" bigint NOT NULL,
	CONSTRAINT "figure_counts_authority_id_scope_split_month_kind_attr_days_grp_pk" PRIMARY KEY("authority_id","scope","split","month","kind","attr","days","grp")
);
--> statement-breakpoint
CREATE TABLE "figure_facts" (
	"authority_id" uuid NOT NULL,
	"lead_agency" text NOT NULL,
	"asking" text NOT NULL,
	"locality" text NOT NULL,
	"level_of_need" text NOT NULL,
	"age_band" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"attr" text NOT NULL,
	"days" integer NOT NULL,
	"n" integer NOT NULL,
	"a" integer NOT NULL,
	"b" integer NOT NULL,
	"c" integer NOT NULL,
	"d" integer NOT NULL,
	"episode_id" uuid,
	"source_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "figure_facts_day_idx" ON "figure_facts" USING btree ("authority_id","day");--> statement-breakpoint
CREATE INDEX "figure_facts_episode_idx" ON "figure_facts" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "figure_facts_source_idx" ON "figure_facts" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "case_audits_episode_idx" ON "case_audits" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "feedback_invitations_episode_idx" ON "feedback_invitations" USING btree ("episode_id");--> statement-breakpoint
-- Each fact a figure counts, with its episode's groups (episode_facts) on it.
-- The columns are in figure_facts' order: refresh compares whole rows.
CREATE VIEW figure_facts_source AS
  with g as not materialized (
    select e.episode_id, e.authority_id, e.lead_agency_id::text as lead_agency, e.asking,
      coalesce(e.locality, 'not_known') as locality, e.level_of_need::text as level_of_need,
      e.age_band, e.opened_on, e.plan_on, e.closed_on, e.closure_reason, e.previous_closed_on,
      e.first_tac_working_days
    from episode_facts e)
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    g.opened_on as day, 'opened'::text as kind, ''::text as attr, -1 as days, 1 as n,
    coalesce(g.previous_closed_on <= g.opened_on
      and g.previous_closed_on >= (g.opened_on - interval '12 months')::date, false)::int as a,
    coalesce(g.previous_closed_on <= g.opened_on
      and g.previous_closed_on >= (g.opened_on - interval '3 months')::date, false)::int as b,
    0 as c, 0 as d, g.episode_id, g.episode_id as source_id
  from g
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    g.plan_on, 'plan', '', coalesce(g.first_tac_working_days, -1), 1, 0, 0, 0, 0,
    g.episode_id, g.episode_id
  from g where g.plan_on is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    g.closed_on, 'closure', g.closure_reason, -1, 1, 0, 0, 0, 0, g.episode_id, g.episode_id
  from g where g.closed_on is not null and g.closure_reason is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    g.closed_on, 'outcomes', '', -1, o.recorded, o.met, 0, 0, 0, g.episode_id, g.episode_id
  from g join (select r.episode_id, count(*)::int as recorded,
      (count(*) filter (where r.result = 'met'))::int as met
    from episode_outcome_results r group by r.episode_id) o on o.episode_id = g.episode_id
  where g.closed_on is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    g.closed_on, 'distance', x.area::text, -1, x.lines, x.improved, 0, 0, 0,
    g.episode_id, g.episode_id
  from g join episode_distance x on x.episode_id = g.episode_id
  where g.closed_on is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    (x.started_at at time zone 'UTC')::date, 'assessment_started', '', -1, 1, 0, 0, 0, 0,
    g.episode_id, x.id
  from g join assessments x on x.episode_id = g.episode_id
  where x.started_at is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    (x.completed_at at time zone 'UTC')::date, 'assessment_completed', '',
    coalesce(working_days_between((x.started_at at time zone 'UTC')::date,
      (x.completed_at at time zone 'UTC')::date), -1), 1, 0, 0, 0, 0, g.episode_id, x.id
  from g join assessments x on x.episode_id = g.episode_id
  where x.completed_at is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    r.next_review_on, 'review_due', '', -1, 1,
    coalesce(r.followed_on <= r.next_review_on, false)::int, 0, 0, 0, g.episode_id, r.review_id
  from g join review_facts r on r.episode_id = g.episode_id
  where r.next_review_on is not null
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    (v.at at time zone 'UTC')::date, 'change', v.kind::text, -1, 1, 0, 0, 0, 0,
    g.episode_id, v.id
  from g join episode_events v on v.episode_id = g.episode_id
  where v.kind in ('stepped_up', 'stepped_down')
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    (x.answered_at at time zone 'UTC')::date, 'feedback', '', -1, 1,
    (x.respected >= 4)::int, (x.listened_to >= 4)::int, (x.helped >= 4)::int,
    (x.would_recommend >= 4)::int, g.episode_id, x.id
  from g join feedback_invitations i on i.episode_id = g.episode_id
    join feedback_answers x on x.invitation_id = i.id
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    x.audited_on, 'audit', x.grade::text, -1, 1, 0, 0, 0, 0, g.episode_id, x.id
  from g join case_audits x on x.episode_id = g.episode_id
  union all
  select g.authority_id, g.lead_agency, g.asking, g.locality, g.level_of_need, g.age_band,
    (x.recorded_at at time zone 'UTC')::date, 'sustained', x.months_after::text, -1, 1,
    (x.result = 'sustained')::int, 0, 0, 0, g.episode_id, x.id
  from g join sustainability_checks x on x.episode_id = g.episode_id
  where x.result in ('sustained', 'not_sustained') and x.recorded_at is not null;--> statement-breakpoint
-- A request's facts: its groups are its own (receiving service, who asked, locality).
CREATE VIEW figure_request_facts_source AS
  select hr.authority_id, hr.receiving_agency_id::text as lead_agency,
    coalesce(hr.requester_agency_id::text, 'family') as asking,
    coalesce(hr.locality, 'not_known') as locality, 'not_known'::text as level_of_need,
    'not_known'::text as age_band, hr.requested_on as day, 'request'::text as kind,
    hr.status::text as attr, -1 as days, 1 as n, (hr.requester_agency_id is null)::int as a,
    0 as b, 0 as c, 0 as d, null::uuid as episode_id, hr.id as source_id
  from help_requests hr;--> statement-breakpoint
-- Only the rows that changed are deleted and inserted, so the counts' triggers
-- see only real changes (most writes that touch an episode change no fact).
CREATE FUNCTION refresh_figure_facts(episode_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  if coalesce(array_length(episode_ids, 1), 0) = 0 then return; end if;
  delete from figure_facts f where f.episode_id = any(episode_ids)
    and not exists (select 1 from figure_facts_source s
      where s.episode_id = f.episode_id and s.source_id = f.source_id
        and row(s.*) is not distinct from row(f.*));
  insert into figure_facts select s.* from figure_facts_source s
    where s.episode_id = any(episode_ids)
      and not exists (select 1 from figure_facts f
        where f.episode_id = s.episode_id and f.source_id = s.source_id
          and row(f.*) is not distinct from row(s.*));
end $$;--> statement-breakpoint
CREATE FUNCTION refresh_request_facts(request_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  if coalesce(array_length(request_ids, 1), 0) = 0 then return; end if;
  delete from figure_facts f where f.source_id = any(request_ids) and f.kind = 'request'
    and not exists (select 1 from figure_request_facts_source s
      where s.source_id = f.source_id and row(s.*) is not distinct from row(f.*));
  insert into figure_facts select s.* from figure_request_facts_source s
    where s.source_id = any(request_ids)
      and not exists (select 1 from figure_facts f
        where f.source_id = s.source_id and f.kind = 'request'
          and row(f.*) is not distinct from row(s.*));
end $$;--> statement-breakpoint
-- Each fact counts once for the partnership (scope '') and once for its lead
-- service, in every split. Rows that fall to zero stay: they count nothing.
-- The insert is ordered so that concurrent writers lock count rows in one order.
CREATE FUNCTION figure_counts_follow_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  if TG_OP = 'INSERT' then
  insert into figure_counts as c (authority_id, scope, split, month, kind, attr, days, grp,
    rows, n, a, b, c, d)
  select f.authority_id, sc.scope, sp.split, date_trunc('month', f.day)::date, f.kind, f.attr,
    f.days, sp.grp, count(*), sum(f.n), sum(f.a), sum(f.b),
    sum(f.c), sum(f.d)
  from added f
  cross join lateral (values (''), (f.lead_agency)) sc(scope)
  cross join lateral (values ('none', 'all'), ('lead_agency', f.lead_agency),
    ('asking_agency', f.asking), ('locality', f.locality), ('level_of_need', f.level_of_need),
    ('age_band', f.age_band)) sp(split, grp)
  group by 1, 2, 3, 4, 5, 6, 7, 8
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict (authority_id, scope, split, month, kind, attr, days, grp) do update set
    rows = c.rows + excluded.rows, n = c.n + excluded.n, a = c.a + excluded.a,
    b = c.b + excluded.b, c = c.c + excluded.c, d = c.d + excluded.d;
  else
  insert into figure_counts as c (authority_id, scope, split, month, kind, attr, days, grp,
    rows, n, a, b, c, d)
  select f.authority_id, sc.scope, sp.split, date_trunc('month', f.day)::date, f.kind, f.attr,
    f.days, sp.grp, -count(*), -sum(f.n), -sum(f.a), -sum(f.b),
    -sum(f.c), -sum(f.d)
  from removed f
  cross join lateral (values (''), (f.lead_agency)) sc(scope)
  cross join lateral (values ('none', 'all'), ('lead_agency', f.lead_agency),
    ('asking_agency', f.asking), ('locality', f.locality), ('level_of_need', f.level_of_need),
    ('age_band', f.age_band)) sp(split, grp)
  group by 1, 2, 3, 4, 5, 6, 7, 8
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict (authority_id, scope, split, month, kind, attr, days, grp) do update set
    rows = c.rows + excluded.rows, n = c.n + excluded.n, a = c.a + excluded.a,
    b = c.b + excluded.b, c = c.c + excluded.c, d = c.d + excluded.d;
  end if;
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER figure_counts_facts_insert AFTER INSERT ON figure_facts REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION figure_counts_follow_facts();--> statement-breakpoint
CREATE TRIGGER figure_counts_facts_delete AFTER DELETE ON figure_facts REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION figure_counts_follow_facts();--> statement-breakpoint
CREATE FUNCTION figure_facts_by_episode_id() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_figure_facts(array(select distinct episode_id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION figure_facts_by_invitation() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_figure_facts(array(select distinct i.episode_id
    from changed c join feedback_invitations i on i.id = c.invitation_id));
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION figure_facts_by_request_id() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_request_facts(array(select id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_facts_insert AFTER INSERT ON episode_facts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_facts_update AFTER UPDATE ON episode_facts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_facts_delete AFTER DELETE ON episode_facts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_review_facts_insert AFTER INSERT ON review_facts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_review_facts_update AFTER UPDATE ON review_facts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_review_facts_delete AFTER DELETE ON review_facts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_distance_insert AFTER INSERT ON episode_distance REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_distance_update AFTER UPDATE ON episode_distance REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_distance_delete AFTER DELETE ON episode_distance REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_assessments_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_assessments_update AFTER UPDATE ON assessments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_assessments_delete AFTER DELETE ON assessments REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_outcome_results_insert AFTER INSERT ON episode_outcome_results REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_outcome_results_update AFTER UPDATE ON episode_outcome_results REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_outcome_results_delete AFTER DELETE ON episode_outcome_results REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_events_insert AFTER INSERT ON episode_events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_events_update AFTER UPDATE ON episode_events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_episode_events_delete AFTER DELETE ON episode_events REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_case_audits_insert AFTER INSERT ON case_audits REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_case_audits_update AFTER UPDATE ON case_audits REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_case_audits_delete AFTER DELETE ON case_audits REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_sustainability_checks_insert AFTER INSERT ON sustainability_checks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_sustainability_checks_update AFTER UPDATE ON sustainability_checks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_sustainability_checks_delete AFTER DELETE ON sustainability_checks REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_feedback_answers_insert AFTER INSERT ON feedback_answers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_invitation();--> statement-breakpoint
CREATE TRIGGER figure_facts_feedback_answers_update AFTER UPDATE ON feedback_answers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_invitation();--> statement-breakpoint
CREATE TRIGGER figure_facts_feedback_answers_delete AFTER DELETE ON feedback_answers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_invitation();--> statement-breakpoint
CREATE TRIGGER figure_facts_help_requests_insert AFTER INSERT ON help_requests REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_request_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_help_requests_update AFTER UPDATE ON help_requests REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_request_id();--> statement-breakpoint
CREATE TRIGGER figure_facts_help_requests_delete AFTER DELETE ON help_requests REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_facts_by_request_id();--> statement-breakpoint
-- Whole, after a bulk load with triggers off (the generator): facts, then
-- counts summed from them directly.
CREATE FUNCTION refresh_all_figure_facts() RETURNS void
LANGUAGE plpgsql AS $$
begin
  -- The counts are summed once at the end, not followed fact by fact.
  alter table figure_facts disable trigger figure_counts_facts_insert;
  alter table figure_facts disable trigger figure_counts_facts_delete;
  delete from figure_facts;
  insert into figure_facts select * from figure_facts_source
    union all select * from figure_request_facts_source;
  alter table figure_facts enable trigger figure_counts_facts_insert;
  alter table figure_facts enable trigger figure_counts_facts_delete;
  delete from figure_counts;
  insert into figure_counts (authority_id, scope, split, month, kind, attr, days, grp,
    rows, n, a, b, c, d)
  select f.authority_id, sc.scope, sp.split, date_trunc('month', f.day)::date, f.kind, f.attr,
    f.days, sp.grp, count(*), sum(f.n), sum(f.a), sum(f.b), sum(f.c), sum(f.d)
  from figure_facts f
  cross join lateral (values (''), (f.lead_agency)) sc(scope)
  cross join lateral (values ('none', 'all'), ('lead_agency', f.lead_agency),
    ('asking_agency', f.asking), ('locality', f.locality), ('level_of_need', f.level_of_need),
    ('age_band', f.age_band)) sp(split, grp)
  group by 1, 2, 3, 4, 5, 6, 7, 8;
end $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_all_figure_summaries() RETURNS void
LANGUAGE sql AS $$
  select refresh_all_episode_facts();
  delete from review_facts;
  insert into review_facts select * from review_facts_source;
  delete from episode_distance;
  insert into episode_distance select * from episode_distance_source;
  select refresh_all_figure_facts();
$$;--> statement-breakpoint
SELECT refresh_all_figure_facts();
