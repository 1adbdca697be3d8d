CREATE TYPE "public"."correction_record_kind" AS ENUM('assessment', 'review', 'closure', 'meeting_record');--> statement-breakpoint
CREATE TABLE "record_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"record_kind" "correction_record_kind" NOT NULL,
	"record_id" uuid NOT NULL,
	"section" text NOT NULL,
	"corrected_text" text NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" uuid NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_corrections_record_idx" ON "record_corrections" USING btree ("family_id","record_kind","record_id");--> statement-breakpoint
-- Corrections are appended, never changed: a correction of a correction is
-- another row. Erasure (a transaction that set teamaround.erasure = 'on',
-- see 0031) may overwrite or delete rows; TRUNCATE is always refused.
CREATE OR REPLACE FUNCTION record_corrections_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND current_setting('teamaround.erasure', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'UPDATE' THEN NEW ELSE OLD END;
  END IF;
  RAISE EXCEPTION 'record_corrections is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER record_corrections_no_update_delete
  BEFORE UPDATE OR DELETE ON record_corrections
  FOR EACH ROW EXECUTE FUNCTION record_corrections_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_corrections_no_truncate
  BEFORE TRUNCATE ON record_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION record_corrections_refuse_change();
