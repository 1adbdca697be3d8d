import { uuid } from "drizzle-orm/pg-core";
import { familyAudience } from "./enums";

/**
 * Who in the family may see the row: the kind, and the family members it
 * names (the one young person, or the named members). The team always sees it.
 */
export function audienceColumns() {
  return {
    audience: familyAudience("audience").notNull().default("whole_family"),
    audienceMemberIds: uuid("audience_member_ids").array().notNull().default([]),
  };
}
