CREATE TABLE "retention_reviews" (
	"family_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"rule_kind" text NOT NULL,
	"rule_years" integer NOT NULL,
	"listed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"extended_until" date,
	"extension_reason" text,
	"extended_by" uuid,
	"hold_reason" text,
	"held_by" uuid,
	"held_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"erased_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "retention_rule_kind" text DEFAULT 'youngest_child_age' NOT NULL;--> statement-breakpoint
ALTER TABLE "local_authorities" ADD COLUMN "retention_years" integer DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_authority_id_local_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."local_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_erased_by_users_id_fk" FOREIGN KEY ("erased_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_reviews_authority_idx" ON "retention_reviews" USING btree ("authority_id","due_on");