-- Erasing a family's record (retention) must overwrite personal data kept in
-- the append-only tables. Only a transaction that set
-- `teamaround.erasure = 'on'` (set_config(..., true): that transaction only)
-- may: UPDATE the audit log (pseudonymise, never delete a row), and UPDATE
-- or DELETE plan versions and meeting record responses. TRUNCATE is refused
-- as before.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('teamaround.erasure', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_versions_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND current_setting('teamaround.erasure', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'UPDATE' THEN NEW ELSE OLD END;
  END IF;
  RAISE EXCEPTION 'plan_versions is immutable: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION meeting_record_responses_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND current_setting('teamaround.erasure', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'UPDATE' THEN NEW ELSE OLD END;
  END IF;
  RAISE EXCEPTION 'meeting_record_responses is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
