ALTER TYPE "public"."notice_kind" ADD VALUE 'meeting_invitation';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'consent_withdrawn';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'help_request_received';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'help_request_outcome';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'sign_off_waiting';--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "consent_withdrawal_notices" ADD COLUMN "notice_id" uuid;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "requester_email" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_withdrawal_notices" ADD CONSTRAINT "consent_withdrawal_notices_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_requester_email" CHECK (("help_requests"."requester_email" is null) or ("help_requests"."requester_kind" = 'family'));