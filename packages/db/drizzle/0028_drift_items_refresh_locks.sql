-- The whole-table refreshes (an authority's drift items when its targets
-- change; every drift item, review fact and distance after a bulk load) delete
-- and then insert from the source view, two statements with two snapshots under
-- READ COMMITTED. A writer that commits a new item between them (its trigger's
-- upsert) made the insert fail on the primary key: saving an authority's
-- targets while a practitioner added an overdue action could answer 500. Each
-- refresh now first locks its table against writers (SHARE ROW EXCLUSIVE
-- conflicts with the row locks every insert, update and delete takes, and with
-- itself); a writer waits until the refresh commits, and its own refresh then
-- upserts over the fresh rows. One table per lock, so the authority refresh
-- cannot deadlock with a trigger.
CREATE OR REPLACE FUNCTION refresh_authority_drift_items(authority uuid) RETURNS void
LANGUAGE sql AS $$
  lock table drift_items in share row exclusive mode;
  delete from drift_items where authority_id = authority;
  insert into drift_items select * from drift_items_source where authority_id = authority;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_all_drift_items() RETURNS void
LANGUAGE sql AS $$
  lock table drift_items in share row exclusive mode;
  delete from drift_items;
  insert into drift_items select * from drift_items_source;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_all_figure_summaries() RETURNS void
LANGUAGE sql AS $$
  select refresh_all_episode_facts();
  lock table review_facts in share row exclusive mode;
  delete from review_facts;
  insert into review_facts select * from review_facts_source;
  lock table episode_distance in share row exclusive mode;
  delete from episode_distance;
  insert into episode_distance select * from episode_distance_source;
  select refresh_all_figure_facts();
$$;
