CREATE TYPE "public"."audit_grade" AS ENUM('outstanding', 'good', 'requires_improvement', 'inadequate');--> statement-breakpoint
CREATE TYPE "public"."sign_off_decision" AS ENUM('approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."sign_off_subject" AS ENUM('assessment', 'plan', 'closure');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'partnership_analyst';--> statement-breakpoint
CREATE TABLE "audit_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"family_ids" uuid[] NOT NULL,
	"drawn_by" uuid NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"sample_id" uuid,
	"auditor_id" uuid NOT NULL,
	"practitioner_id" uuid,
	"audited_on" date NOT NULL,
	"grade" "audit_grade" NOT NULL,
	"areas" jsonb NOT NULL,
	"feedback" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"practitioner_response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_off_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"subject" "sign_off_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"decision" "sign_off_decision" NOT NULL,
	"comments" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"lead_user_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"discussion" text NOT NULL,
	"decisions" text NOT NULL,
	"next_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "locality" text;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "triage_target_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "assessment_target_working_days" integer DEFAULT 45 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "action_overdue_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "localities" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "manager_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_samples" ADD CONSTRAINT "audit_samples_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_samples" ADD CONSTRAINT "audit_samples_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_sample_id_audit_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."audit_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_practitioner_id_users_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_decisions" ADD CONSTRAINT "sign_off_decisions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_decisions" ADD CONSTRAINT "sign_off_decisions_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_decisions" ADD CONSTRAINT "sign_off_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notes" ADD CONSTRAINT "supervision_notes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notes" ADD CONSTRAINT "supervision_notes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notes" ADD CONSTRAINT "supervision_notes_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notes" ADD CONSTRAINT "supervision_notes_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_audits_family_idx" ON "case_audits" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "case_audits_practitioner_idx" ON "case_audits" USING btree ("practitioner_id");--> statement-breakpoint
CREATE INDEX "sign_off_decisions_subject_idx" ON "sign_off_decisions" USING btree ("subject_id","decided_at");--> statement-breakpoint
CREATE INDEX "supervision_notes_family_idx" ON "supervision_notes" USING btree ("family_id","held_on");