CREATE TYPE "public"."notice_channel" AS ENUM('email', 'in_app');--> statement-breakpoint
CREATE TYPE "public"."notice_kind" AS ENUM('staff_invitation', 'family_invitation', 'password_changed');--> statement-breakpoint
CREATE TYPE "public"."notice_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "local_outbox_messages" (
	"notice_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"recipient_user_id" uuid,
	"to_address" text NOT NULL,
	"from_address" text NOT NULL,
	"message_id" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"stored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"kind" "notice_kind" NOT NULL,
	"channel" "notice_channel" NOT NULL,
	"recipient_user_id" uuid,
	"recipient_member_id" uuid,
	"recipient_address" text,
	"family_id" uuid,
	"variables" jsonb NOT NULL,
	"status" "notice_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_one_recipient" CHECK (num_nonnulls("notices"."recipient_user_id", "notices"."recipient_member_id", "notices"."recipient_address") = 1),
	CONSTRAINT "notices_attempts_not_negative" CHECK ("notices"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "local_outbox_messages" ADD CONSTRAINT "local_outbox_messages_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_outbox_messages" ADD CONSTRAINT "local_outbox_messages_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_outbox_messages" ADD CONSTRAINT "local_outbox_messages_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_recipient_member_id_family_members_id_fk" FOREIGN KEY ("recipient_member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_outbox_messages_authority_idx" ON "local_outbox_messages" USING btree ("authority_id","stored_at");--> statement-breakpoint
CREATE INDEX "local_outbox_messages_recipient_idx" ON "local_outbox_messages" USING btree ("recipient_user_id","stored_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_idempotency_key_key" ON "notices" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "notices_due_idx" ON "notices" USING btree ("next_attempt_at") WHERE "notices"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notices_family_id_idx" ON "notices" USING btree ("family_id","created_at");--> statement-breakpoint
CREATE INDEX "notices_recipient_user_id_idx" ON "notices" USING btree ("recipient_user_id");