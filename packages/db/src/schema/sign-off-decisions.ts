import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { signOffDecision, signOffSubject } from "./oversight-enums";
import { users } from "./users";

/**
 * Every decision a manager made on something waiting for sign-off, appended
 * and never changed: the history of each approval and return, with comments,
 * and of each closure its lead withdrew (`decided_by` the lead, the reason as
 * comments).
 */
export const signOffDecisions = pgTable(
  "sign_off_decisions",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    subject: signOffSubject("subject").notNull(),
    /** The assessment (or other record) decided on. */
    subjectId: uuid("subject_id").notNull(),
    decision: signOffDecision("decision").notNull(),
    comments: text("comments"),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_off_decisions_subject_idx").on(t.subjectId, t.decidedAt)],
);
