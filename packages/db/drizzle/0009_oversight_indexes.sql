CREATE INDEX "actions_open_due_idx" ON "actions" USING btree ("due_date") WHERE "actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "sustainability_checks_due_idx" ON "sustainability_checks" USING btree ("due_on") WHERE "sustainability_checks"."result" is null;--> statement-breakpoint
CREATE INDEX "consents_review_date_idx" ON "consents" USING btree ("review_date") WHERE "consents"."decision" = 'given' and "consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "families_owning_agency_idx" ON "families" USING btree ("owning_agency_id");--> statement-breakpoint
CREATE INDEX "users_manager_id_idx" ON "users" USING btree ("manager_id") WHERE "users"."manager_id" is not null;