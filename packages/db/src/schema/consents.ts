import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { consentDecision, consentMethod } from "./enums";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { users } from "./users";

/** Consent to share, given (or refused) by one person with a scope, and later perhaps withdrawn. */
export const consents = pgTable(
  "consents",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    /** A parent with parental responsibility, or a young person for themselves. */
    givenByMemberId: uuid("given_by_member_id")
      .notNull()
      .references(() => familyMembers.id),
    /** Whose information it covers (the giver's children, or themselves). */
    coversMemberIds: uuid("covers_member_ids").array().notNull(),
    decision: consentDecision("decision").notNull(),
    agencyIds: uuid("agency_ids").array().notNull(),
    informationKinds: text("information_kinds").array().notNull(),
    /** Information the family asked not to be shared. */
    withheld: text("withheld"),
    method: consentMethod("method").notNull(),
    obtainedAt: timestamp("obtained_at", { withTimezone: true }).notNull(),
    obtainedBy: uuid("obtained_by")
      .notNull()
      .references(() => users.id),
    reviewDate: date("review_date", { mode: "string" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
    withdrawalReason: text("withdrawal_reason"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("consents_family_id_idx").on(t.familyId),
    // The drift queue's consents past their review date: only live given consents.
    index("consents_review_date_idx")
      .on(t.reviewDate)
      .where(sql`${t.decision} = 'given' and ${t.withdrawnAt} is null`),
  ],
);
