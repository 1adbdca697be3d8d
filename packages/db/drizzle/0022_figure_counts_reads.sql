-- Reading a year's figures at scale (issue 9): the counts keep working days
-- (medians, first TAC within target) only in the totals ('none' split), so a
-- split by a many-valued group stays small; the groups' working days are read
-- from the facts through a covering index. The counts' key carries the sums
-- (index-only reads), and the open caseload on a day reads a covering index
-- of episodes by closing day.
ALTER TABLE figure_counts DROP CONSTRAINT figure_counts_authority_id_scope_split_month_kind_attr_days_grp_pk;--> statement-breakpoint
ALTER TABLE figure_counts ADD CONSTRAINT figure_counts_authority_id_scope_split_month_kind_attr_days_grp_pk
  PRIMARY KEY (authority_id, scope, split, month, kind, attr, days, grp) INCLUDE (rows, n, a, b, c, d);--> statement-breakpoint
CREATE INDEX figure_facts_kind_day_idx ON figure_facts (authority_id, kind, day)
  INCLUDE (lead_agency, asking, locality, level_of_need, age_band, days);--> statement-breakpoint
CREATE INDEX episode_facts_open_idx ON episode_facts (authority_id, closed_on)
  INCLUDE (opened_on, lead_user_id, lead_agency_id, asking, locality, level_of_need, age_band);--> statement-breakpoint
CREATE OR REPLACE FUNCTION figure_counts_follow_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  if TG_OP = 'INSERT' then
  insert into figure_counts as c (authority_id, scope, split, month, kind, attr, days, grp,
    rows, n, a, b, c, d)
  select f.authority_id, sc.scope, sp.split, date_trunc('month', f.day)::date, f.kind, f.attr,
    case when sp.split = 'none' then f.days else -1 end, sp.grp, count(*), sum(f.n), sum(f.a), sum(f.b),
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
    case when sp.split = 'none' then f.days else -1 end, sp.grp, -count(*), -sum(f.n), -sum(f.a), -sum(f.b),
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
CREATE FUNCTION rebuild_figure_counts() RETURNS void
LANGUAGE plpgsql AS $$
begin
  delete from figure_counts;
  insert into figure_counts (authority_id, scope, split, month, kind, attr, days, grp,
    rows, n, a, b, c, d)
  select f.authority_id, sc.scope, sp.split, date_trunc('month', f.day)::date, f.kind, f.attr,
    case when sp.split = 'none' then f.days else -1 end, sp.grp, count(*), sum(f.n), sum(f.a), sum(f.b), sum(f.c), sum(f.d)
  from figure_facts f
  cross join lateral (values (''), (f.lead_agency)) sc(scope)
  cross join lateral (values ('none', 'all'), ('lead_agency', f.lead_agency),
    ('asking_agency', f.asking), ('locality', f.locality), ('level_of_need', f.level_of_need),
    ('age_band', f.age_band)) sp(split, grp)
  group by 1, 2, 3, 4, 5, 6, 7, 8;
end $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_all_figure_facts() RETURNS void
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
  perform rebuild_figure_counts();
end $$;--> statement-breakpoint
SELECT rebuild_figure_counts();
