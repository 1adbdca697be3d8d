CREATE TYPE "public"."family_audience" AS ENUM('whole_family', 'parental_responsibility', 'young_person', 'named_members');--> statement-breakpoint
ALTER TABLE "action_progress_notes" ADD COLUMN "for_team_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "audience" "family_audience" DEFAULT 'whole_family' NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "audience_member_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "audience" "family_audience" DEFAULT 'whole_family' NOT NULL;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "audience_member_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD COLUMN "audience" "family_audience" DEFAULT 'whole_family' NOT NULL;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD COLUMN "audience_member_ids" uuid[] DEFAULT '{}' NOT NULL;