import { correctionRecordKinds } from "@teamaround/domain";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./families";
import { users } from "./users";

export const correctionRecordKind = pgEnum("correction_record_kind", correctionRecordKinds);

/**
 * A correction to a closed record: the original stays as it was, the
 * correction is shown beneath it. Appended only: a trigger refuses UPDATE,
 * DELETE and TRUNCATE, except that erasure (a transaction that set
 * `teamaround.erasure`) may overwrite or delete rows.
 */
export const recordCorrections = pgTable(
  "record_corrections",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    recordKind: correctionRecordKind("record_kind").notNull(),
    /** The assessment, review, episode (closure) or meeting corrected. */
    recordId: uuid("record_id").notNull(),
    /** Which field or section of the record, in words, e.g. "Family story". */
    section: text("section").notNull(),
    correctedText: text("corrected_text").notNull(),
    reason: text("reason").notNull(),
    correctedBy: uuid("corrected_by")
      .notNull()
      .references(() => users.id),
    correctedAt: timestamp("corrected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("record_corrections_record_idx").on(t.familyId, t.recordKind, t.recordId)],
);
