import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { id } from "./columns";
import { consents } from "./consents";
import { families } from "./families";
import { notices } from "./notices";
import { users } from "./users";

/** When consent is withdrawn, one row per agency that had received information under it. */
export const consentWithdrawalNotices = pgTable(
  "consent_withdrawal_notices",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    notifiedAt: timestamp("notified_at", { withTimezone: true }).notNull().defaultNow(),
    notifiedBy: uuid("notified_by")
      .notNull()
      .references(() => users.id),
    how: text("how").notNull(),
    /**
     * The email to the agency's contact address, written in the withdrawal's
     * transaction: whether and when it was sent is read from the notice.
     * Null: the agency had no contact address (or the row predates notices).
     */
    noticeId: uuid("notice_id").references(() => notices.id),
  },
  (t) => [index("consent_withdrawal_notices_consent_id_idx").on(t.consentId)],
);
