import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { memberKind, outcomeArea } from "./enums";
import { families } from "./families";
import { users } from "./users";

/** Children and adults in a family. Adults may hold parental responsibility. */
export const familyMembers = pgTable(
  "family_members",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    kind: memberKind("kind").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    /** School, college or early years setting attended. */
    school: text("school"),
    needs: outcomeArea("needs").array().notNull().default([]),
    /** Adults: relationship to the children, e.g. "mother", "grandfather". */
    relationship: text("relationship"),
    parentalResponsibility: boolean("parental_responsibility").notNull().default(false),
    /** A young person judged competent to consent for themselves (Gillick/Fraser). */
    judgedCompetent: boolean("judged_competent").notNull().default(false),
    /** Contact and practical details a practitioner expects to find. */
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    preferredLanguage: text("preferred_language"),
    interpreterNeeded: boolean("interpreter_needed").notNull().default(false),
    communicationNeeds: text("communication_needs"),
    gpPractice: text("gp_practice"),
    youngCarer: boolean("young_carer").notNull().default(false),
    /**
     * Equality fields: optional, self-described, and never shown to other
     * members of the family (see `memberFieldVisibility` in the domain).
     */
    ethnicity: text("ethnicity"),
    religion: text("religion"),
    disabilityOrSen: text("disability_or_sen"),
    /** The family-portal account of this person, if they have one. */
    userId: uuid("user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("family_members_family_id_idx").on(t.familyId),
    uniqueIndex("family_members_user_id_key").on(t.userId),
  ],
);
