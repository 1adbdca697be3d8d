import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { actions } from "./actions";
import { createdAt, id } from "./columns";
import { families } from "./families";
import { users } from "./users";

export const actionProgressNotes = pgTable(
  "action_progress_notes",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    note: text("note").notNull(),
    /** A family member's note for the team only: other family members never see it. */
    forTeamOnly: boolean("for_team_only").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("action_progress_notes_action_id_idx").on(t.actionId)],
);
