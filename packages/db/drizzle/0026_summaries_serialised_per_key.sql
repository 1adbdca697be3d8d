-- The summaries kept by statement triggers (episode_facts, review_facts and
-- episode_distance, figure_facts, drift_items) are recomputed from their
-- source views in the writer's transaction. Under READ COMMITTED two
-- transactions changing the same family at once could each recompute from a
-- snapshot without the other's change, and the later one would write back a
-- stale row (an overdue action's item after it was marked done). Each refresh
-- now first takes a transaction-scoped advisory lock per family it recomputes
-- (episodes and requests lock their family; a request with no family locks
-- itself), in one order; the second writer waits for the first to commit, and
-- its refresh — a new statement, with a new snapshot — sees both changes. One
-- key per family, taken again freely within a transaction, so a writer that
-- touches one family cannot deadlock on these locks. The refresh bodies are
-- unchanged, renamed with `_now`.
CREATE FUNCTION lock_summary_keys(keys uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
declare
  k uuid;
begin
  for k in select distinct u from unnest(keys) u where u is not null order by u loop
    perform pg_advisory_xact_lock(hashtextextended(k::text, 0));
  end loop;
end $$;--> statement-breakpoint
CREATE FUNCTION request_keys(request_ids uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
  select coalesce(array_agg(coalesce(r.family_id, r.id)), '{}') from help_requests r where r.id = any(request_ids)
$$;--> statement-breakpoint
ALTER FUNCTION refresh_episode_facts(uuid[]) RENAME TO refresh_episode_facts_now;--> statement-breakpoint
CREATE FUNCTION refresh_episode_facts(family_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  perform lock_summary_keys(family_ids);
  perform refresh_episode_facts_now(family_ids);
end $$;--> statement-breakpoint
ALTER FUNCTION refresh_figure_summaries(uuid[]) RENAME TO refresh_figure_summaries_now;--> statement-breakpoint
CREATE FUNCTION refresh_figure_summaries(episode_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  perform lock_summary_keys(array(select family_id from episodes where id = any(episode_ids)));
  perform refresh_figure_summaries_now(episode_ids);
end $$;--> statement-breakpoint
ALTER FUNCTION refresh_figure_facts(uuid[]) RENAME TO refresh_figure_facts_now;--> statement-breakpoint
CREATE FUNCTION refresh_figure_facts(episode_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  perform lock_summary_keys(array(select family_id from episodes where id = any(episode_ids)));
  perform refresh_figure_facts_now(episode_ids);
end $$;--> statement-breakpoint
ALTER FUNCTION refresh_request_facts(uuid[]) RENAME TO refresh_request_facts_now;--> statement-breakpoint
CREATE FUNCTION refresh_request_facts(request_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  perform lock_summary_keys(request_keys(request_ids));
  perform refresh_request_facts_now(request_ids);
end $$;--> statement-breakpoint
ALTER FUNCTION refresh_drift_items(uuid[], uuid[]) RENAME TO refresh_drift_items_now;--> statement-breakpoint
CREATE FUNCTION refresh_drift_items(family_ids uuid[], request_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
begin
  perform lock_summary_keys(family_ids || request_keys(request_ids));
  perform refresh_drift_items_now(family_ids, request_ids);
end $$;
