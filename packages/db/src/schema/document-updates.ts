import { bigserial, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";
import { families } from "./families";

/**
 * The log of Yjs updates the realtime server accepted, appended before any
 * other client sees them. Compaction folds the updates it reads into
 * `document_snapshots` and deletes exactly those rows in the same
 * transaction, so a document is its snapshot plus every row still here.
 */
export const documentUpdates = pgTable(
  "document_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** `plan:<familyId>`, `voice:<familyId>` or `notes:<familyId>`. */
    documentName: text("document_name").notNull(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("document_updates_document_name_id_idx").on(t.documentName, t.id)],
);
