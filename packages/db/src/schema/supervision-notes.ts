import { date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { users } from "./users";

/**
 * A manager's record of case supervision with the lead professional: seen by
 * managers and that lead only — never the family or the rest of the team.
 */
export const supervisionNotes = pgTable(
  "supervision_notes",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => users.id),
    leadUserId: uuid("lead_user_id")
      .notNull()
      .references(() => users.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    discussion: text("discussion").notNull(),
    decisions: text("decisions").notNull(),
    nextOn: date("next_on", { mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [index("supervision_notes_family_idx").on(t.familyId, t.heldOn)],
);
