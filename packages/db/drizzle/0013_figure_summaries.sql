CREATE TABLE "episode_distance" (
	"episode_id" uuid NOT NULL,
	"area" "outcome_area" NOT NULL,
	"lines" integer NOT NULL,
	"improved" integer NOT NULL,
	CONSTRAINT "episode_distance_episode_id_area_pk" PRIMARY KEY("episode_id","area")
);
--> statement-breakpoint
CREATE TABLE "review_facts" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"episode_id" uuid NOT NULL,
	"next_review_on" date,
	"followed_on" date
);
--> statement-breakpoint
ALTER TABLE "episode_distance" ADD CONSTRAINT "episode_distance_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_facts" ADD CONSTRAINT "review_facts_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_facts_next_review_idx" ON "review_facts" USING btree ("next_review_on");--> statement-breakpoint
CREATE INDEX "review_facts_episode_idx" ON "review_facts" USING btree ("episode_id");--> statement-breakpoint
CREATE VIEW review_facts_source AS
  select r.id as review_id, r.episode_id, r.next_review_on,
    (select min(r2.reviewed_on) from reviews r2
      where r2.episode_id = r.episode_id and r2.reviewed_on > r.reviewed_on) as followed_on
  from reviews r;--> statement-breakpoint
-- The earliest assessment score and the latest closure score of each line
-- (area, child) practitioners scored, as `improvedLines` in the domain reads them.
CREATE VIEW episode_distance_source AS
  with firsts as (
    select distinct on (s.episode_id, s.area, s.member_id) s.episode_id, s.area, s.member_id, s.score
    from need_scores s where s.stage = 'assessment' and s.scored_by = 'practitioners'
    order by s.episode_id, s.area, s.member_id, s.scored_on asc, s.recorded_at desc),
  lasts as (
    select distinct on (s.episode_id, s.area, s.member_id) s.episode_id, s.area, s.member_id, s.score
    from need_scores s where s.stage = 'closure' and s.scored_by = 'practitioners'
    order by s.episode_id, s.area, s.member_id, s.scored_on desc, s.recorded_at desc)
  select f.episode_id, f.area, count(*)::int as lines,
    (count(*) filter (where l.score > f.score))::int as improved
  from firsts f join lasts l on l.episode_id = f.episode_id and l.area = f.area
    and l.member_id is not distinct from f.member_id
  group by f.episode_id, f.area;--> statement-breakpoint
CREATE FUNCTION refresh_figure_summaries(episode_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  delete from review_facts where episode_id = any(episode_ids);
  insert into review_facts select * from review_facts_source where episode_id = any(episode_ids);
  delete from episode_distance where episode_id = any(episode_ids);
  insert into episode_distance select * from episode_distance_source where episode_id = any(episode_ids);
$$;--> statement-breakpoint
-- Every summary the figures read, whole: after a bulk load with triggers off.
CREATE FUNCTION refresh_all_figure_summaries() RETURNS void
LANGUAGE sql AS $$
  select refresh_all_episode_facts();
  delete from review_facts;
  insert into review_facts select * from review_facts_source;
  delete from episode_distance;
  insert into episode_distance select * from episode_distance_source;
$$;--> statement-breakpoint
CREATE FUNCTION figure_summaries_by_episode_id() RETURNS trigger
LANGUAGE plpgsql AS $$
begin
  perform refresh_figure_summaries(array(select distinct episode_id from changed));
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER figure_summaries_reviews_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_summaries_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_summaries_reviews_update AFTER UPDATE ON reviews REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_summaries_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_summaries_reviews_delete AFTER DELETE ON reviews REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_summaries_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_summaries_scores_insert AFTER INSERT ON need_scores REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_summaries_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_summaries_scores_update AFTER UPDATE ON need_scores REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_summaries_by_episode_id();--> statement-breakpoint
CREATE TRIGGER figure_summaries_scores_delete AFTER DELETE ON need_scores REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION figure_summaries_by_episode_id();--> statement-breakpoint
SELECT refresh_all_figure_summaries();
