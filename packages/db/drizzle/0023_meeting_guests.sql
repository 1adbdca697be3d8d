ALTER TYPE "public"."user_role" ADD VALUE 'guest';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'guest_invitation';--> statement-breakpoint
CREATE TABLE "meeting_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"email" text NOT NULL,
	"role_words" text NOT NULL,
	"may_write" boolean DEFAULT false NOT NULL,
	"link_token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"failed_code_attempts" integer DEFAULT 0 NOT NULL,
	"code_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_guests_attempts_not_negative" CHECK ("meeting_guests"."failed_code_attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guests" ADD CONSTRAINT "meeting_guests_meeting_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_guests_meeting_id_idx" ON "meeting_guests" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_guests_user_key" ON "meeting_guests" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_guests_link_token_hash_key" ON "meeting_guests" USING btree ("link_token_hash");