import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { lawfulBasis, notToldReason } from "./enums";
import { families } from "./families";
import { users } from "./users";

/** A decision to share on a basis other than consent, with its justification and decider. */
export const lawfulBasisRecords = pgTable(
  "lawful_basis_records",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    basis: lawfulBasis("basis").notNull(),
    /** Agencies the basis allows sharing with (and so joining the team). */
    agencyIds: uuid("agency_ids").array().notNull(),
    justification: text("justification").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    familyTold: boolean("family_told").notNull(),
    notToldReason: notToldReason("not_told_reason"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("lawful_basis_records_family_id_idx").on(t.familyId)],
);
