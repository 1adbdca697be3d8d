CREATE TABLE "episode_facts" (
	"episode_id" uuid PRIMARY KEY NOT NULL,
	"family_id" uuid NOT NULL,
	"authority_id" uuid NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"asking" text NOT NULL,
	"locality" text,
	"level_of_need" integer NOT NULL,
	"age_band" text NOT NULL,
	"lead_user_id" uuid,
	"opened_on" date NOT NULL,
	"plan_on" date,
	"closed_on" date,
	"closure_reason" text,
	"previous_closed_on" date,
	"first_tac_on" date,
	"first_tac_working_days" integer
);
--> statement-breakpoint
DROP INDEX "reviews_episode_idx";--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "locality" text;--> statement-breakpoint
ALTER TABLE "episode_facts" ADD CONSTRAINT "episode_facts_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_facts_family_idx" ON "episode_facts" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "episode_facts_opened_idx" ON "episode_facts" USING btree ("authority_id","opened_on");--> statement-breakpoint
CREATE INDEX "episode_facts_plan_idx" ON "episode_facts" USING btree ("authority_id","plan_on");--> statement-breakpoint
CREATE INDEX "episode_facts_closed_idx" ON "episode_facts" USING btree ("authority_id","closed_on");--> statement-breakpoint
CREATE INDEX "assessments_started_idx" ON "assessments" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "assessments_completed_idx" ON "assessments" USING btree ("completed_at");--> statement-breakpoint
CREATE INDEX "case_audits_audited_idx" ON "case_audits" USING btree ("audited_on");--> statement-breakpoint
CREATE INDEX "sustainability_checks_recorded_idx" ON "sustainability_checks" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "episode_events_step_idx" ON "episode_events" USING btree ("at") WHERE "episode_events"."kind" in ('stepped_up', 'stepped_down');--> statement-breakpoint
CREATE INDEX "feedback_answers_answered_idx" ON "feedback_answers" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "help_requests_requested_idx" ON "help_requests" USING btree ("authority_id","requested_on");--> statement-breakpoint
CREATE INDEX "reviews_next_review_idx" ON "reviews" USING btree ("next_review_on");--> statement-breakpoint
CREATE INDEX "reviews_episode_idx" ON "reviews" USING btree ("episode_id","reviewed_on");--> statement-breakpoint
-- Working days (Monday to Friday) after from_day up to and including to_day: the
-- same as workingDaysBetween in @teamaround/domain. 1900-01-01 was a Monday.
CREATE FUNCTION working_days_between(from_day date, to_day date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select case when to_day <= from_day then 0 else
      ((to_day - date '1900-01-01' + 1) / 7) * 5 + least((to_day - date '1900-01-01' + 1) % 7, 5)
    - ((from_day - date '1900-01-01' + 1) / 7) * 5 - least((from_day - date '1900-01-01' + 1) % 7, 5)
  end
$$;--> statement-breakpoint
-- What episode_facts holds, computed from the case record: the one definition
-- both refresh functions copy from.
CREATE VIEW episode_facts_source AS
  select e.id as episode_id, e.family_id, f.authority_id,
    f.owning_agency_id as lead_agency_id,
    case when hr.id is null then 'stepped_down'
      else coalesce(hr.requester_agency_id::text, 'family') end as asking,
    f.locality, f.level_of_need,
    case when y.born is null then 'not_known'
      when extract(year from age(d.opened_on, y.born)) <= 4 then '0-4'
      when extract(year from age(d.opened_on, y.born)) <= 10 then '5-10'
      when extract(year from age(d.opened_on, y.born)) <= 15 then '11-15'
      else '16+' end as age_band,
    (select tm.user_id from team_memberships tm
      where tm.family_id = e.family_id and tm.role = 'lead_professional' and tm.removed_at is null
      order by tm.user_id limit 1) as lead_user_id,
    d.opened_on, d.plan_on,
    (e.closed_at at time zone 'UTC')::date as closed_on,
    e.closure_reason::text as closure_reason,
    (p.closed_at at time zone 'UTC')::date as previous_closed_on,
    t.first_on as first_tac_on,
    case when t.first_on is null then null else working_days_between(d.plan_on, t.first_on) end
      as first_tac_working_days
  from episodes e
  join families f on f.id = e.family_id
  cross join lateral (select (e.opened_at at time zone 'UTC')::date as opened_on,
    (e.plan_in_place_at at time zone 'UTC')::date as plan_on) d
  left join help_requests hr on hr.id = e.request_id
  left join episodes p on p.family_id = e.family_id and p.number = e.number - 1
  left join lateral (select max(m.date_of_birth) as born from family_members m
    where m.family_id = e.family_id and m.kind = 'child' and m.date_of_birth <= d.opened_on) y on true
  left join lateral (select min((mt.started_at at time zone 'UTC')::date) as first_on from meetings mt
    where mt.family_id = e.family_id and mt.started_at is not null
      and (mt.started_at at time zone 'UTC')::date >= d.plan_on) t on true;--> statement-breakpoint
CREATE FUNCTION refresh_episode_facts(family_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  insert into episode_facts select * from episode_facts_source s where s.family_id = any(family_ids)
  on conflict (episode_id) do update set
    family_id = excluded.family_id, authority_id = excluded.authority_id,
    lead_agency_id = excluded.lead_agency_id, asking = excluded.asking,
    locality = excluded.locality, level_of_need = excluded.level_of_need,
    age_band = excluded.age_band, lead_user_id = excluded.lead_user_id,
    opened_on = excluded.opened_on, plan_on = excluded.plan_on, closed_on = excluded.closed_on,
    closure_reason = excluded.closure_reason, previous_closed_on = excluded.previous_closed_on,
    first_tac_on = excluded.first_tac_on, first_tac_working_days = excluded.first_tac_working_days
  where episode_facts is distinct from excluded
$$;--> statement-breakpoint
-- After a bulk load with triggers off (the generator), and to fill the table now.
CREATE FUNCTION refresh_all_episode_facts() RETURNS void
LANGUAGE sql AS $$
  insert into episode_facts select * from episode_facts_source
  on conflict (episode_id) do update set
    family_id = excluded.family_id, authority_id = excluded.authority_id,
    lead_agency_id = excluded.lead_agency_id, asking = excluded.asking,
    locality = excluded.locality, level_of_need = excluded.level_of_need,
    age_band = excluded.age_band, lead_user_id = excluded.lead_user_id,
    opened_on = excluded.opened_on, plan_on = excluded.plan_on, closed_on = excluded.closed_on,
    closure_reason = excluded.closure_reason, previous_closed_on = excluded.previous_closed_on,
    first_tac_on = excluded.first_tac_on, first_tac_working_days = excluded.first_tac_working_days
  where episode_facts is distinct from excluded
$$;--> statement-breakpoint
-- One statement trigger per table and event (transition tables allow one event
-- each); every trigger names its rows `changed`, so one function per table serves
-- its insert, update and delete.
CREATE FUNCTION episode_facts_by_family_id() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_episode_facts(array(select distinct family_id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION episode_facts_by_id() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_episode_facts(array(select id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION episode_facts_by_request() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_episode_facts(array(
    select family_id from changed where family_id is not null
    union select e.family_id from episodes e join changed c on e.id = c.episode_id));
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER episode_facts_episodes_insert AFTER INSERT ON episodes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_episodes_update AFTER UPDATE ON episodes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_families_update AFTER UPDATE ON families REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_members_insert AFTER INSERT ON family_members REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_members_update AFTER UPDATE ON family_members REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_members_delete AFTER DELETE ON family_members REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_team_insert AFTER INSERT ON team_memberships REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_team_update AFTER UPDATE ON team_memberships REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_team_delete AFTER DELETE ON team_memberships REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_meetings_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_meetings_update AFTER UPDATE ON meetings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_meetings_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_family_id();--> statement-breakpoint
CREATE TRIGGER episode_facts_requests_update AFTER UPDATE ON help_requests REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_facts_by_request();--> statement-breakpoint
SELECT refresh_all_episode_facts();
