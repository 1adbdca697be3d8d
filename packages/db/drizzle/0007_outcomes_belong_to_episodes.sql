-- Each outcome belongs to the episode it was set in. Added nullable, filled
-- from the episode that was open when the outcome was created (the latest
-- episode opened on or before it, else the family's first), then required.
ALTER TABLE "outcomes" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
UPDATE "outcomes" AS o SET "episode_id" = coalesce(
  (SELECT e."id" FROM "episodes" AS e
    WHERE e."family_id" = o."family_id" AND e."opened_at" <= o."created_at"
    ORDER BY e."opened_at" DESC, e."number" DESC LIMIT 1),
  (SELECT e."id" FROM "episodes" AS e
    WHERE e."family_id" = o."family_id"
    ORDER BY e."number" LIMIT 1)
);--> statement-breakpoint
ALTER TABLE "outcomes" ALTER COLUMN "episode_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcomes_episode_id_idx" ON "outcomes" USING btree ("episode_id");
