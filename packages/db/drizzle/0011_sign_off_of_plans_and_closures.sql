CREATE TYPE "public"."sign_off_state" AS ENUM('waiting', 'approved', 'returned', 'withdrawn');--> statement-breakpoint
CREATE TABLE "closure_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"status" "sign_off_state" DEFAULT 'waiting' NOT NULL,
	"reason" "closure_reason" NOT NULL,
	"summary" text NOT NULL,
	"scores" jsonb NOT NULL,
	"outcome_results" jsonb NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_sign_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"status" "sign_off_state" DEFAULT 'waiting' NOT NULL,
	"plan" jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "closure_sign_off_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "plan_sign_off_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "closure_proposals" ADD CONSTRAINT "closure_proposals_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_proposals" ADD CONSTRAINT "closure_proposals_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_proposals" ADD CONSTRAINT "closure_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sign_offs" ADD CONSTRAINT "plan_sign_offs_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sign_offs" ADD CONSTRAINT "plan_sign_offs_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sign_offs" ADD CONSTRAINT "plan_sign_offs_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closure_proposals_family_idx" ON "closure_proposals" USING btree ("family_id","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "closure_proposals_one_waiting_key" ON "closure_proposals" USING btree ("episode_id") WHERE "closure_proposals"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "plan_sign_offs_family_idx" ON "plan_sign_offs" USING btree ("family_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_sign_offs_one_waiting_key" ON "plan_sign_offs" USING btree ("episode_id") WHERE "plan_sign_offs"."status" = 'waiting';