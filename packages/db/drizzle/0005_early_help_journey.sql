CREATE TYPE "public"."assessment_kind" AS ENUM('initial', 'reassessment');--> statement-breakpoint
CREATE TYPE "public"."assessment_section" AS ENUM('family_story', 'working_well', 'worries', 'child_voice', 'parent_voice', 'analysis', 'next_steps');--> statement-breakpoint
CREATE TYPE "public"."assessment_status" AS ENUM('draft', 'submitted', 'returned', 'completed');--> statement-breakpoint
CREATE TYPE "public"."episode_event_kind" AS ENUM('opened', 'assessment_completed', 'level_of_need_changed', 'stepped_up', 'stepped_down', 'closed');--> statement-breakpoint
CREATE TYPE "public"."episode_origin" AS ENUM('request_for_help', 'stepped_down');--> statement-breakpoint
CREATE TYPE "public"."episode_status" AS ENUM('assessment', 'plan_in_place', 'closed');--> statement-breakpoint
CREATE TYPE "public"."feedback_occasion" AS ENUM('review', 'closure');--> statement-breakpoint
CREATE TYPE "public"."outcome_result" AS ENUM('met', 'partly_met', 'not_met');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('awaiting_triage', 'accepted', 'signposted', 'not_accepted');--> statement-breakpoint
CREATE TYPE "public"."requester_kind" AS ENUM('practitioner', 'family');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('continue', 'close', 'step_up');--> statement-breakpoint
CREATE TYPE "public"."review_verdict" AS ENUM('positive_change', 'no_change', 'deterioration');--> statement-breakpoint
CREATE TYPE "public"."score_stage" AS ENUM('assessment', 'review', 'closure');--> statement-breakpoint
CREATE TYPE "public"."scored_by" AS ENUM('practitioners', 'family');--> statement-breakpoint
CREATE TYPE "public"."sustained_result" AS ENUM('sustained', 'not_sustained', 'not_known');--> statement-breakpoint
CREATE TABLE "assessment_contributors" (
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"first_contributed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_contributors_assessment_id_user_id_pk" PRIMARY KEY("assessment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"section" "assessment_section" NOT NULL,
	"member_id" uuid,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_entries_voice_has_member" CHECK (("assessment_entries"."section" in ('child_voice', 'parent_voice')) = ("assessment_entries"."member_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"kind" "assessment_kind" DEFAULT 'initial' NOT NULL,
	"status" "assessment_status" DEFAULT 'draft' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"return_comments" text,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_completed_dated" CHECK (("assessments"."status" = 'completed') = ("assessments"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "episode_outcome_results" (
	"episode_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"result" "outcome_result" NOT NULL,
	CONSTRAINT "episode_outcome_results_episode_id_outcome_id_pk" PRIMARY KEY("episode_id","outcome_id")
);
--> statement-breakpoint
CREATE TABLE "sustainability_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"lead_user_id" uuid,
	"months_after" text NOT NULL,
	"due_on" date NOT NULL,
	"result" "sustained_result",
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "episode_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"kind" "episode_event_kind" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"level_of_need" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"origin" "episode_origin" NOT NULL,
	"request_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"status" "episode_status" DEFAULT 'assessment' NOT NULL,
	"plan_in_place_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closure_reason" "closure_reason",
	"closure_summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episodes_closed_complete" CHECK (("episodes"."status" = 'closed') = ("episodes"."closed_at" is not null and "episodes"."closure_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "feedback_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"respected" integer NOT NULL,
	"listened_to" integer NOT NULL,
	"helped" integer NOT NULL,
	"would_recommend" integer NOT NULL,
	"comment" text,
	"share_with_lead" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_answers_range" CHECK ("feedback_answers"."respected" between 1 and 5 and "feedback_answers"."listened_to" between 1 and 5 and "feedback_answers"."helped" between 1 and 5 and "feedback_answers"."would_recommend" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "feedback_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"occasion" "feedback_occasion" NOT NULL,
	"review_id" uuid,
	"offered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"family_id" uuid,
	"family_name" text NOT NULL,
	"children" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"child_member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"requester_kind" "requester_kind" NOT NULL,
	"requester_agency_id" uuid,
	"requester_name" text NOT NULL,
	"requested_on" date NOT NULL,
	"worries" text NOT NULL,
	"family_knows" boolean NOT NULL,
	"family_agrees" boolean NOT NULL,
	"status" "request_status" DEFAULT 'awaiting_triage' NOT NULL,
	"signposted_to" text,
	"triage_reason" text,
	"triaged_by" uuid,
	"triaged_at" timestamp with time zone,
	"allocated_lead_id" uuid,
	"episode_id" uuid,
	"re_referral_of_episode_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_requests_requester_agency" CHECK (("help_requests"."requester_kind" = 'family') or ("help_requests"."requester_agency_id" is not null)),
	CONSTRAINT "help_requests_triaged" CHECK (("help_requests"."status" = 'awaiting_triage') = ("help_requests"."triaged_at" is null))
);
--> statement-breakpoint
CREATE TABLE "need_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"stage" "score_stage" NOT NULL,
	"assessment_id" uuid,
	"review_id" uuid,
	"area" "outcome_area" NOT NULL,
	"member_id" uuid,
	"scored_by" "scored_by" DEFAULT 'practitioners' NOT NULL,
	"score" integer NOT NULL,
	"strengths" text,
	"needs" text,
	"note" text,
	"scored_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_scores_range" CHECK ("need_scores"."score" between 0 and 10),
	CONSTRAINT "need_scores_stage_source" CHECK (("need_scores"."stage" <> 'assessment' or "need_scores"."assessment_id" is not null) and ("need_scores"."stage" <> 'review' or "need_scores"."review_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"verdict" "review_verdict" NOT NULL,
	"decision" "review_decision" NOT NULL,
	"next_review_on" date,
	"summary" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "preferred_language" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "interpreter_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "communication_needs" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "gp_practice" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "young_carer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "religion" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "disability_or_sen" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "assessment_sign_off_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "first_tac_working_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "score_low_label" text DEFAULT 'Very worried' NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "score_high_label" text DEFAULT 'All well' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_contributors" ADD CONSTRAINT "assessment_contributors_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_contributors" ADD CONSTRAINT "assessment_contributors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_outcome_results" ADD CONSTRAINT "episode_outcome_results_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_outcome_results" ADD CONSTRAINT "episode_outcome_results_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_checks" ADD CONSTRAINT "sustainability_checks_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_checks" ADD CONSTRAINT "sustainability_checks_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_checks" ADD CONSTRAINT "sustainability_checks_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sustainability_checks" ADD CONSTRAINT "sustainability_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_invitation_id_feedback_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."feedback_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_receiving_agency_id_agencies_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_requester_agency_id_agencies_id_fk" FOREIGN KEY ("requester_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_triaged_by_users_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_allocated_lead_id_users_id_fk" FOREIGN KEY ("allocated_lead_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_scores" ADD CONSTRAINT "need_scores_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_scores" ADD CONSTRAINT "need_scores_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_scores" ADD CONSTRAINT "need_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_scores" ADD CONSTRAINT "need_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_scores" ADD CONSTRAINT "need_scores_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_scores" ADD CONSTRAINT "need_scores_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_entries_shared_key" ON "assessment_entries" USING btree ("assessment_id","section") WHERE "assessment_entries"."member_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_entries_voice_key" ON "assessment_entries" USING btree ("assessment_id","section","member_id") WHERE "assessment_entries"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "assessments_episode_idx" ON "assessments" USING btree ("episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_unfinished_key" ON "assessments" USING btree ("episode_id") WHERE "assessments"."status" <> 'completed';--> statement-breakpoint
CREATE UNIQUE INDEX "sustainability_checks_key" ON "sustainability_checks" USING btree ("episode_id","months_after");--> statement-breakpoint
CREATE INDEX "episode_events_episode_idx" ON "episode_events" USING btree ("episode_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_family_number_key" ON "episodes" USING btree ("family_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_one_open_key" ON "episodes" USING btree ("family_id") WHERE "episodes"."status" <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_answers_once_key" ON "feedback_answers" USING btree ("invitation_id","member_id");--> statement-breakpoint
CREATE INDEX "feedback_invitations_family_idx" ON "feedback_invitations" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitations_review_key" ON "feedback_invitations" USING btree ("review_id") WHERE "feedback_invitations"."review_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitations_closure_key" ON "feedback_invitations" USING btree ("episode_id") WHERE "feedback_invitations"."occasion" = 'closure';--> statement-breakpoint
CREATE INDEX "help_requests_receiving_idx" ON "help_requests" USING btree ("receiving_agency_id","status");--> statement-breakpoint
CREATE INDEX "help_requests_created_by_idx" ON "help_requests" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "help_requests_family_idx" ON "help_requests" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "need_scores_episode_idx" ON "need_scores" USING btree ("episode_id","area");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_meeting_key" ON "reviews" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "reviews_episode_idx" ON "reviews" USING btree ("episode_id");--> statement-breakpoint
-- Every existing family becomes one episode, so its history starts here and is never overwritten again.
INSERT INTO "episodes" ("family_id", "number", "origin", "opened_at", "opened_by", "status", "closed_at", "closure_reason", "closure_summary")
SELECT f."id", 1,
  (CASE f."origin" WHEN 'stepped_down' THEN 'stepped_down' ELSE 'request_for_help' END)::"episode_origin",
  coalesce(f."stepped_down_at", f."created_at"), f."created_by",
  (CASE f."status" WHEN 'assessment_started' THEN 'assessment' WHEN 'plan_active' THEN 'plan_in_place' ELSE 'closed' END)::"episode_status",
  CASE WHEN f."status" = 'closed' THEN coalesce(f."closed_at", f."updated_at") END,
  CASE WHEN f."status" = 'closed' THEN coalesce(f."closure_reason", 'other_service') END,
  CASE WHEN f."status" = 'closed' THEN f."closure_note" END
FROM "families" f;
--> statement-breakpoint
INSERT INTO "episode_events" ("episode_id", "family_id", "kind", "at", "by", "level_of_need")
SELECT e."id", e."family_id", 'opened', e."opened_at", e."opened_by", f."level_of_need"
FROM "episodes" e JOIN "families" f ON f."id" = e."family_id";
--> statement-breakpoint
INSERT INTO "episode_events" ("episode_id", "family_id", "kind", "at", "by", "note")
SELECT e."id", e."family_id", 'closed', e."closed_at", e."closed_by", e."closure_summary"
FROM "episodes" e WHERE e."status" = 'closed';
