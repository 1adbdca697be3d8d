CREATE TABLE "drift_items" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"authority_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"lead_user_id" uuid,
	"family_id" uuid,
	"family_name" text NOT NULL,
	"family_reference" text,
	"detail" text,
	"due_on" date NOT NULL,
	"late_from" date NOT NULL,
	CONSTRAINT "drift_items_kind_subject_id_pk" PRIMARY KEY("kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "drift_items" ADD CONSTRAINT "drift_items_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drift_items_family_idx" ON "drift_items" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "drift_items_agency_due_idx" ON "drift_items" USING btree ("agency_id","due_on");--> statement-breakpoint
CREATE INDEX "drift_items_lead_due_idx" ON "drift_items" USING btree ("lead_user_id","due_on") WHERE "drift_items"."lead_user_id" is not null;--> statement-breakpoint
-- The date `working_days` working days (Monday to Friday) after from_day, which
-- itself does not count: the same as addWorkingDays in @teamaround/domain. A
-- weekend day counts from the Friday before it.
CREATE FUNCTION add_working_days(from_day date, working_days integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select case when working_days <= 0 then from_day else
      f + 7 * ((working_days - 1) / 5) + (working_days - 1) % 5 + 1
        + case when extract(isodow from f)::int + (working_days - 1) % 5 + 1 > 5 then 2 else 0 end
    end
  from (select from_day - greatest(extract(isodow from from_day)::int - 5, 0) as f) s
$$;--> statement-breakpoint
-- Every potential drift item (packages/domain/src/oversight/drift.ts) with the
-- day it is due under the authority's targets today and the day it becomes late;
-- the one definition the refresh functions copy from. Requests belong to the
-- service asked; everything else to the family's owning service and its lead.
CREATE VIEW drift_items_source AS
  select 'triage_late'::text as kind, r.id as subject_id, r.authority_id,
    r.receiving_agency_id as agency_id, null::uuid as lead_user_id, r.family_id,
    r.family_name, f.reference as family_reference,
    to_char(r.requested_on, 'YYYY-MM-DD') as detail,
    add_working_days(r.requested_on, a.triage_target_working_days) as due_on,
    add_working_days(r.requested_on, a.triage_target_working_days) + 1 as late_from
  from help_requests r
  join local_authorities a on a.id = r.authority_id
  left join families f on f.id = r.family_id
  where r.status = 'awaiting_triage'
union all
  -- Open episodes: the assessment clock, the next TAC meeting (the first, or a
  -- review after the last meeting this episode held), and a lead professional.
  select k.kind, e.id, f.authority_id, f.owning_agency_id, lead_tm.user_id, f.id,
    f.display_name, f.reference, e.number::text, k.due_on, k.due_on + k.min_days_late
  from episodes e
  join families f on f.id = e.family_id
  join local_authorities a on a.id = f.authority_id
  left join team_memberships lead_tm on lead_tm.family_id = f.id
    and lead_tm.role = 'lead_professional' and lead_tm.removed_at is null
  left join lateral (select m.ended_at, m.kind, rv.next_review_on from meetings m
      left join reviews rv on rv.meeting_id = m.id
      where m.family_id = e.family_id and m.state = 'ended' and m.ended_at >= e.opened_at
      order by m.ended_at desc limit 1) last_held on e.status = 'plan_in_place'
  cross join lateral (values
    ('assessment_late',
      case when e.status = 'assessment' then
        add_working_days((e.opened_at at time zone 'UTC')::date, a.assessment_target_working_days)
      end, 1),
    (case when last_held.ended_at is null then 'first_tac_late' else 'review_overdue' end,
      case when e.status <> 'plan_in_place' then null
        when last_held.ended_at is null then
          add_working_days((e.plan_in_place_at at time zone 'UTC')::date, a.first_tac_working_days)
        when last_held.kind = 'closing' then null
        else coalesce(last_held.next_review_on,
          (last_held.ended_at at time zone 'UTC')::date + 7 * a.review_max_weeks)
      end, 1),
    ('no_lead_professional',
      case when lead_tm.user_id is null then (e.opened_at at time zone 'UTC')::date end, 0)
  ) k(kind, due_on, min_days_late)
  where e.status <> 'closed' and k.due_on is not null
union all
  -- Open actions of families with an open episode: late after the allowance.
  select 'action_overdue', ac.id, f.authority_id, f.owning_agency_id, lead_tm.user_id, f.id,
    f.display_name, f.reference, ac.text, ac.due_date, ac.due_date + a.action_overdue_days + 1
  from actions ac
  join families f on f.id = ac.family_id
  join local_authorities a on a.id = f.authority_id
  left join team_memberships lead_tm on lead_tm.family_id = f.id
    and lead_tm.role = 'lead_professional' and lead_tm.removed_at is null
  where ac.status = 'open'
    and exists (select 1 from episodes o where o.family_id = f.id and o.status <> 'closed')
union all
  -- Consents given and not withdrawn, of families with an open episode.
  select 'consent_review_due', c.id, f.authority_id, f.owning_agency_id, lead_tm.user_id, f.id,
    f.display_name, f.reference, null, c.review_date, c.review_date + 1
  from consents c
  join families f on f.id = c.family_id
  left join team_memberships lead_tm on lead_tm.family_id = f.id
    and lead_tm.role = 'lead_professional' and lead_tm.removed_at is null
  where c.decision = 'given' and c.withdrawn_at is null and c.review_date is not null
    and exists (select 1 from episodes o where o.family_id = f.id and o.status <> 'closed')
union all
  -- 3- and 6-month follow-ups not answered, late from the day they are due.
  select 'follow_up_due', s.id, f.authority_id, f.owning_agency_id, lead_tm.user_id, f.id,
    f.display_name, f.reference, s.months_after, s.due_on, s.due_on
  from sustainability_checks s
  join families f on f.id = s.family_id
  left join team_memberships lead_tm on lead_tm.family_id = f.id
    and lead_tm.role = 'lead_professional' and lead_tm.removed_at is null
  where s.result is null;--> statement-breakpoint
-- The items of these families (requests naming them included) and of these
-- requests: upsert what the view holds now, delete what it no longer holds.
CREATE FUNCTION refresh_drift_items(family_ids uuid[], request_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  with fresh as (
    select * from drift_items_source s where s.family_id = any(family_ids)
    union
    select * from drift_items_source s
      where s.kind = 'triage_late' and s.subject_id = any(request_ids)
  ), gone as (
    delete from drift_items d
    where (d.family_id = any(family_ids) or (d.kind = 'triage_late' and d.subject_id = any(request_ids)))
      and not exists (select 1 from fresh f where f.kind = d.kind and f.subject_id = d.subject_id)
  )
  insert into drift_items select * from fresh
  on conflict (kind, subject_id) do update set
    authority_id = excluded.authority_id, agency_id = excluded.agency_id,
    lead_user_id = excluded.lead_user_id, family_id = excluded.family_id,
    family_name = excluded.family_name, family_reference = excluded.family_reference,
    detail = excluded.detail, due_on = excluded.due_on, late_from = excluded.late_from
  where drift_items is distinct from excluded
$$;--> statement-breakpoint
-- One authority's items again: when its targets change, every due day may move.
CREATE FUNCTION refresh_authority_drift_items(authority uuid) RETURNS void
LANGUAGE sql AS $$
  delete from drift_items where authority_id = authority;
  insert into drift_items select * from drift_items_source where authority_id = authority;
$$;--> statement-breakpoint
-- After a bulk load with triggers off (the generator), and to fill the table now.
CREATE FUNCTION refresh_all_drift_items() RETURNS void
LANGUAGE sql AS $$
  delete from drift_items;
  insert into drift_items select * from drift_items_source;
$$;--> statement-breakpoint
-- Statement triggers: each refreshes only the families or requests the statement
-- touched (for an update, as they were and as they are), in the writer's transaction.
CREATE FUNCTION drift_items_by_family_id() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_drift_items(array(select distinct family_id from changed), '{}');
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION drift_items_by_family_id_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_drift_items(
    array(select family_id from changed union select family_id from previous), '{}');
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION drift_items_by_family() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_drift_items(array(select id from changed), '{}');
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION drift_items_by_request() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_drift_items(
    array(select distinct family_id from changed where family_id is not null),
    array(select id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION drift_items_by_request_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_drift_items(
    array(select family_id from changed where family_id is not null
      union select family_id from previous where family_id is not null),
    array(select id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE FUNCTION drift_items_by_authority() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_authority_drift_items(new.id);
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER drift_items_families_update AFTER UPDATE ON families REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family();--> statement-breakpoint
CREATE TRIGGER drift_items_episodes_insert AFTER INSERT ON episodes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_episodes_update AFTER UPDATE ON episodes REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_episodes_delete AFTER DELETE ON episodes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_team_insert AFTER INSERT ON team_memberships REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_team_update AFTER UPDATE ON team_memberships REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_team_delete AFTER DELETE ON team_memberships REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_meetings_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_meetings_update AFTER UPDATE ON meetings REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_meetings_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_reviews_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_reviews_update AFTER UPDATE ON reviews REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_reviews_delete AFTER DELETE ON reviews REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_actions_insert AFTER INSERT ON actions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_actions_update AFTER UPDATE ON actions REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_actions_delete AFTER DELETE ON actions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_consents_insert AFTER INSERT ON consents REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_consents_update AFTER UPDATE ON consents REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_consents_delete AFTER DELETE ON consents REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_follow_ups_insert AFTER INSERT ON sustainability_checks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_follow_ups_update AFTER UPDATE ON sustainability_checks REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_follow_ups_delete AFTER DELETE ON sustainability_checks REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_family_id();--> statement-breakpoint
CREATE TRIGGER drift_items_requests_insert AFTER INSERT ON help_requests REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_request();--> statement-breakpoint
CREATE TRIGGER drift_items_requests_update AFTER UPDATE ON help_requests REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_request_moved();--> statement-breakpoint
CREATE TRIGGER drift_items_requests_delete AFTER DELETE ON help_requests REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION drift_items_by_request();--> statement-breakpoint
CREATE TRIGGER drift_items_targets_update AFTER UPDATE OF triage_target_working_days, assessment_target_working_days, action_overdue_days, first_tac_working_days, review_max_weeks ON local_authorities FOR EACH ROW WHEN (old.triage_target_working_days IS DISTINCT FROM new.triage_target_working_days OR old.assessment_target_working_days IS DISTINCT FROM new.assessment_target_working_days OR old.action_overdue_days IS DISTINCT FROM new.action_overdue_days OR old.first_tac_working_days IS DISTINCT FROM new.first_tac_working_days OR old.review_max_weeks IS DISTINCT FROM new.review_max_weeks) EXECUTE FUNCTION drift_items_by_authority();--> statement-breakpoint
SELECT refresh_all_drift_items();
