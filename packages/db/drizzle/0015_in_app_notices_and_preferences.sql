ALTER TYPE "public"."notice_kind" ADD VALUE 'action_assigned';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'action_changed';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'action_due';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'daily_digest';--> statement-breakpoint
CREATE TABLE "daily_digest_runs" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"notice_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_digest_runs_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "notice_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"digest_time" text DEFAULT '08:00' NOT NULL,
	"email_off" "notice_kind"[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_preferences_digest_time" CHECK ("notice_preferences"."digest_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "notice_family_names" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "daily_digest_runs" ADD CONSTRAINT "daily_digest_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_digest_runs" ADD CONSTRAINT "daily_digest_runs_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notices_in_app_idx" ON "notices" USING btree ("recipient_user_id","created_at") WHERE "notices"."channel" = 'in_app';