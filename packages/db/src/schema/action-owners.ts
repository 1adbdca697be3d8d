import { sql } from "drizzle-orm";
import { check, index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actions } from "./actions";
import { id } from "./columns";
import { families } from "./families";
import { familyMembers } from "./family-members";
import { users } from "./users";

/** An owner of an action: a practitioner (user) or a family member (member record). */
export const actionOwners = pgTable(
  "action_owners",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id),
    memberId: uuid("member_id").references(() => familyMembers.id),
  },
  (t) => [
    index("action_owners_action_id_idx").on(t.actionId),
    index("action_owners_user_id_idx").on(t.userId),
    index("action_owners_member_id_idx").on(t.memberId),
    uniqueIndex("action_owners_user_key").on(t.actionId, t.userId),
    uniqueIndex("action_owners_member_key").on(t.actionId, t.memberId),
    check("action_owners_one_owner_check", sql`(${t.userId} is null) <> (${t.memberId} is null)`),
  ],
);
