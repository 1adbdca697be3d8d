import type { SignOffPlan } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { episodes } from "./episodes";
import { families } from "./families";
import { signOffState } from "./oversight-enums";
import { users } from "./users";

/**
 * The plan as a lead submitted it for a manager's sign-off, where the
 * authority asks for it: a snapshot of the plan document's words and the
 * episode's outcomes and actions (`SignOffPlan`), never changed. The plan
 * itself stays editable; comparing it with the snapshot tells "changed since
 * approved". Decisions are `sign_off_decisions` (subject `plan`, subject id
 * this row). At most one submission of an episode waits at a time.
 */
export const planSignOffs = pgTable(
  "plan_sign_offs",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    status: signOffState("status").notNull().default("waiting"),
    plan: jsonb("plan").$type<SignOffPlan>().notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plan_sign_offs_family_idx").on(t.familyId, t.submittedAt),
    uniqueIndex("plan_sign_offs_one_waiting_key")
      .on(t.episodeId)
      .where(sql`${t.status} = 'waiting'`),
  ],
);
