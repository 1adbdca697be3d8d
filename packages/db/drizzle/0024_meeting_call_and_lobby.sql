ALTER TYPE "public"."notice_kind" ADD VALUE 'meeting_record_review';--> statement-breakpoint
CREATE TABLE "meeting_call_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_lobby_admissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"admitted_by" uuid NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_lobby_admissions_person_unique" UNIQUE("meeting_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_call_attendance" ADD CONSTRAINT "meeting_call_attendance_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_call_attendance" ADD CONSTRAINT "meeting_call_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_call_attendance" ADD CONSTRAINT "meeting_call_attendance_meeting_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_lobby_admissions" ADD CONSTRAINT "meeting_lobby_admissions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_lobby_admissions" ADD CONSTRAINT "meeting_lobby_admissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_lobby_admissions" ADD CONSTRAINT "meeting_lobby_admissions_admitted_by_users_id_fk" FOREIGN KEY ("admitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_lobby_admissions" ADD CONSTRAINT "meeting_lobby_admissions_meeting_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_call_attendance_meeting_id_idx" ON "meeting_call_attendance" USING btree ("meeting_id","joined_at");