CREATE TYPE "public"."record_response_kind" AS ENUM('confirmed', 'commented');--> statement-breakpoint
CREATE TABLE "meeting_apologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid,
	"member_id" uuid,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_apologies_one_person_check" CHECK (("meeting_apologies"."user_id" is null) <> ("meeting_apologies"."member_id" is null)),
	CONSTRAINT "meeting_apologies_reason_check" CHECK (char_length("meeting_apologies"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "meeting_record_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "record_response_kind" NOT NULL,
	"comment" text,
	"responded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_record_responses_comment_check" CHECK (("meeting_record_responses"."kind" = 'commented') = ("meeting_record_responses"."comment" is not null) and ("meeting_record_responses"."comment" is null or char_length("meeting_record_responses"."comment") between 1 and 2000))
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_apologies" ADD CONSTRAINT "meeting_apologies_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_apologies" ADD CONSTRAINT "meeting_apologies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_apologies" ADD CONSTRAINT "meeting_apologies_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_apologies" ADD CONSTRAINT "meeting_apologies_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_apologies" ADD CONSTRAINT "meeting_apologies_meeting_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_record_responses" ADD CONSTRAINT "meeting_record_responses_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_record_responses" ADD CONSTRAINT "meeting_record_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_record_responses" ADD CONSTRAINT "meeting_record_responses_meeting_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_apologies_meeting_id_idx" ON "meeting_apologies" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_apologies_user_key" ON "meeting_apologies" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_apologies_member_key" ON "meeting_apologies" USING btree ("meeting_id","member_id");--> statement-breakpoint
CREATE INDEX "meeting_record_responses_meeting_id_idx" ON "meeting_record_responses" USING btree ("meeting_id","responded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_record_responses_confirmed_key" ON "meeting_record_responses" USING btree ("meeting_id","user_id") WHERE "meeting_record_responses"."kind" = 'confirmed';--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_meeting_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_meeting_id_idx" ON "actions" USING btree ("meeting_id");--> statement-breakpoint
-- Responses to a meeting's record are appended, never changed or removed.
CREATE FUNCTION meeting_record_responses_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'meeting_record_responses is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_record_responses_no_update_delete
  BEFORE UPDATE OR DELETE ON meeting_record_responses
  FOR EACH ROW EXECUTE FUNCTION meeting_record_responses_refuse_change();
--> statement-breakpoint
CREATE TRIGGER meeting_record_responses_no_truncate
  BEFORE TRUNCATE ON meeting_record_responses
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_record_responses_refuse_change();
