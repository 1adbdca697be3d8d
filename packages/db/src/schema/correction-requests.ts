import { correctionRequestStatuses } from "@teamaround/domain";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { correctionRecordKind, recordCorrections } from "./record-corrections";
import { users } from "./users";

export const correctionRequestStatus = pgEnum(
  "correction_request_status",
  correctionRequestStatuses,
);

/**
 * A family member's request to correct a closed record they can see: what is
 * wrong and what it should say. The lead or a service manager accepts it
 * (appending a `record_corrections` row, linked here) or declines it with a
 * reason; the member sees the outcome.
 */
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    recordKind: correctionRecordKind("record_kind").notNull(),
    recordId: uuid("record_id").notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    whatIsWrong: text("what_is_wrong").notNull(),
    shouldSay: text("should_say").notNull(),
    status: correctionRequestStatus("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Why it was declined, in words the family member reads. */
    declineReason: text("decline_reason"),
    /** The correction appended when it was accepted. */
    correctionId: uuid("correction_id").references(() => recordCorrections.id),
  },
  (t) => [
    index("correction_requests_family_idx").on(t.familyId, t.status),
    index("correction_requests_requested_by_idx").on(t.requestedBy),
  ],
);
