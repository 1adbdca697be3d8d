CREATE TYPE "public"."action_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."agency_type" AS ENUM('school', 'early_years', 'health', 'police', 'housing', 'childrens_social_care', 'adult_services', 'voluntary', 'other');--> statement-breakpoint
CREATE TYPE "public"."closure_reason" AS ENUM('outcomes_met', 'stepped_up', 'family_declined', 'moved_away', 'other_service');--> statement-breakpoint
CREATE TYPE "public"."consent_decision" AS ENUM('given', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."consent_method" AS ENUM('in_person', 'phone', 'written', 'online');--> statement-breakpoint
CREATE TYPE "public"."family_origin" AS ENUM('early_help_request', 'stepped_down');--> statement-breakpoint
CREATE TYPE "public"."family_status" AS ENUM('assessment_started', 'plan_active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."lawful_basis" AS ENUM('public_task', 'legal_obligation', 'vital_interests', 'safeguarding_of_children');--> statement-breakpoint
CREATE TYPE "public"."member_kind" AS ENUM('child', 'adult');--> statement-breakpoint
CREATE TYPE "public"."not_told_reason" AS ENUM('risk_of_harm', 'prejudice_crime_investigation', 'harmful_delay');--> statement-breakpoint
CREATE TYPE "public"."outcome_area" AS ENUM('education', 'early_years', 'health', 'substance_use', 'family_relationships', 'safety_from_abuse_and_exploitation', 'crime', 'domestic_abuse', 'housing', 'financial_stability');--> statement-breakpoint
CREATE TYPE "public"."outcome_status" AS ENUM('active', 'achieved', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."team_role" AS ENUM('lead_professional', 'member');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('practitioner', 'manager', 'administrator', 'family_member');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('invited', 'active', 'deactivated');--> statement-breakpoint
CREATE TABLE "action_owners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"user_id" uuid,
	"member_id" uuid,
	CONSTRAINT "action_owners_one_owner_check" CHECK (("action_owners"."user_id" is null) <> ("action_owners"."member_id" is null))
);
--> statement-breakpoint
CREATE TABLE "action_progress_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_date" date NOT NULL,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "agency_type" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"agreed" boolean NOT NULL,
	"member_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "user_role",
	"event" text NOT NULL,
	"family_id" uuid,
	"resource_type" text,
	"resource_id" text,
	"ip_address" text,
	"user_agent" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "consent_withdrawal_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_by" uuid NOT NULL,
	"how" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"given_by_member_id" uuid NOT NULL,
	"covers_member_ids" uuid[] NOT NULL,
	"decision" "consent_decision" NOT NULL,
	"agency_ids" uuid[] NOT NULL,
	"information_kinds" text[] NOT NULL,
	"withheld" text,
	"method" "consent_method" NOT NULL,
	"obtained_at" timestamp with time zone NOT NULL,
	"obtained_by" uuid NOT NULL,
	"review_date" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"owning_agency_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"display_name" text NOT NULL,
	"level_of_need" integer NOT NULL,
	"status" "family_status" DEFAULT 'assessment_started' NOT NULL,
	"origin" "family_origin" DEFAULT 'early_help_request' NOT NULL,
	"stepped_down_at" timestamp with time zone,
	"closure_reason" "closure_reason",
	"closure_note" text,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"kind" "member_kind" NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"school" text,
	"needs" "outcome_area"[] DEFAULT '{}' NOT NULL,
	"relationship" text,
	"parental_responsibility" boolean DEFAULT false NOT NULL,
	"judged_competent" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lawful_basis_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"basis" "lawful_basis" NOT NULL,
	"agency_ids" uuid[] NOT NULL,
	"justification" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"family_told" boolean NOT NULL,
	"not_told_reason" "not_told_reason",
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"levels_of_need" jsonb NOT NULL,
	"review_min_weeks" integer DEFAULT 6 NOT NULL,
	"review_max_weeks" integer DEFAULT 12 NOT NULL,
	"lead_professional_title" text DEFAULT 'Lead professional' NOT NULL,
	"require_staff_totp" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"area" "outcome_area" NOT NULL,
	"title" text NOT NULL,
	"measure" text NOT NULL,
	"target_date" date NOT NULL,
	"status" "outcome_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"two_factor_verified" boolean DEFAULT false NOT NULL,
	"ip_address" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "sharing_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"information_kind" text NOT NULL,
	"summary" text NOT NULL,
	"shared_by" uuid NOT NULL,
	"from_agency_id" uuid NOT NULL,
	"to_agency_id" uuid NOT NULL,
	"to_person" text,
	"purpose" text NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"consent_id" uuid,
	"lawful_basis_id" uuid,
	"family_told" boolean NOT NULL,
	"not_told_reason" "not_told_reason",
	"visible_to_family" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_records_basis_check" CHECK (("sharing_records"."consent_id" is null) <> ("sharing_records"."lawful_basis_id" is null)),
	CONSTRAINT "sharing_records_told_check" CHECK ("sharing_records"."family_told" or "sharing_records"."not_told_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "team_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "team_role" NOT NULL,
	"consent_id" uuid,
	"lawful_basis_id" uuid,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	CONSTRAINT "team_memberships_basis_check" CHECK ("team_memberships"."role" = 'lead_professional' or "team_memberships"."consent_id" is not null or "team_memberships"."lawful_basis_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"job_title" text,
	"role" "user_role" NOT NULL,
	"agency_id" uuid,
	"status" "user_status" DEFAULT 'invited' NOT NULL,
	"password_hash" text,
	"totp_key" text,
	"totp_pending_key" text,
	"totp_last_step" integer,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_owners" ADD CONSTRAINT "action_owners_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_owners" ADD CONSTRAINT "action_owners_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_owners" ADD CONSTRAINT "action_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_owners" ADD CONSTRAINT "action_owners_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress_notes" ADD CONSTRAINT "action_progress_notes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress_notes" ADD CONSTRAINT "action_progress_notes_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_progress_notes" ADD CONSTRAINT "action_progress_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawal_notices" ADD CONSTRAINT "consent_withdrawal_notices_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawal_notices" ADD CONSTRAINT "consent_withdrawal_notices_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawal_notices" ADD CONSTRAINT "consent_withdrawal_notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawal_notices" ADD CONSTRAINT "consent_withdrawal_notices_notified_by_users_id_fk" FOREIGN KEY ("notified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_given_by_member_id_family_members_id_fk" FOREIGN KEY ("given_by_member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_obtained_by_users_id_fk" FOREIGN KEY ("obtained_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_owning_agency_id_agencies_id_fk" FOREIGN KEY ("owning_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawful_basis_records" ADD CONSTRAINT "lawful_basis_records_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawful_basis_records" ADD CONSTRAINT "lawful_basis_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD CONSTRAINT "sharing_records_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD CONSTRAINT "sharing_records_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD CONSTRAINT "sharing_records_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD CONSTRAINT "sharing_records_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD CONSTRAINT "sharing_records_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_records" ADD CONSTRAINT "sharing_records_lawful_basis_id_lawful_basis_records_id_fk" FOREIGN KEY ("lawful_basis_id") REFERENCES "public"."lawful_basis_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_lawful_basis_id_lawful_basis_records_id_fk" FOREIGN KEY ("lawful_basis_id") REFERENCES "public"."lawful_basis_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_owners_action_id_idx" ON "action_owners" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "action_owners_user_id_idx" ON "action_owners" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "action_owners_member_id_idx" ON "action_owners" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_owners_user_key" ON "action_owners" USING btree ("action_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_owners_member_key" ON "action_owners" USING btree ("action_id","member_id");--> statement-breakpoint
CREATE INDEX "action_progress_notes_action_id_idx" ON "action_progress_notes" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "actions_family_id_idx" ON "actions" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "actions_outcome_id_idx" ON "actions" USING btree ("outcome_id");--> statement-breakpoint
CREATE INDEX "agreements_family_id_idx" ON "agreements" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "audit_events_family_id_idx" ON "audit_events" USING btree ("family_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "consent_withdrawal_notices_consent_id_idx" ON "consent_withdrawal_notices" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "consents_family_id_idx" ON "consents" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "families_reference_key" ON "families" USING btree ("authority_id","reference");--> statement-breakpoint
CREATE INDEX "family_members_family_id_idx" ON "family_members" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_members_user_id_key" ON "family_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitations_user_id_idx" ON "invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "lawful_basis_records_family_id_idx" ON "lawful_basis_records" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "outcomes_family_id_idx" ON "outcomes" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sharing_records_family_id_idx" ON "sharing_records" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "team_memberships_user_id_idx" ON "team_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_memberships_active_key" ON "team_memberships" USING btree ("family_id","user_id") WHERE "team_memberships"."removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "team_memberships_one_lead_key" ON "team_memberships" USING btree ("family_id") WHERE "team_memberships"."removed_at" is null and "team_memberships"."role" = 'lead_professional';--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");