import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { audienceColumns } from "./audience-columns";
import { createdAt, id } from "./columns";
import { consents } from "./consents";
import { notToldReason } from "./enums";
import { families } from "./families";
import { lawfulBasisRecords } from "./lawful-bases";
import { users } from "./users";

/** The information-sharing register: one row per share. */
export const sharingRecords = pgTable(
  "sharing_records",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    informationKind: text("information_kind").notNull(),
    summary: text("summary").notNull(),
    sharedBy: uuid("shared_by")
      .notNull()
      .references(() => users.id),
    fromAgencyId: uuid("from_agency_id")
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    toPerson: text("to_person"),
    purpose: text("purpose").notNull(),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull(),
    consentId: uuid("consent_id").references(() => consents.id),
    lawfulBasisId: uuid("lawful_basis_id").references(() => lawfulBasisRecords.id),
    familyTold: boolean("family_told").notNull(),
    notToldReason: notToldReason("not_told_reason"),
    /** False hides the entry from the family's own view. */
    visibleToFamily: boolean("visible_to_family").notNull().default(true),
    ...audienceColumns(),
    createdAt: createdAt(),
  },
  (t) => [
    index("sharing_records_family_id_idx").on(t.familyId),
    check(
      "sharing_records_basis_check",
      sql`(${t.consentId} is null) <> (${t.lawfulBasisId} is null)`,
    ),
    check("sharing_records_told_check", sql`${t.familyTold} or ${t.notToldReason} is not null`),
  ],
);
