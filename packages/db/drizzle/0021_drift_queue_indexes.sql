DROP INDEX "drift_items_agency_due_idx";--> statement-breakpoint
DROP INDEX "drift_items_lead_due_idx";--> statement-breakpoint
CREATE INDEX "drift_items_agency_queue_idx" ON "drift_items" USING btree ("agency_id","due_on","late_from","kind","authority_id");--> statement-breakpoint
CREATE INDEX "drift_items_lead_queue_idx" ON "drift_items" USING btree ("lead_user_id","due_on","late_from","kind","authority_id") WHERE "drift_items"."lead_user_id" is not null;