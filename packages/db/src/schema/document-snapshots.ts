import { bigint, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, updatedAt } from "./columns";
import { families } from "./families";

/**
 * A Yjs document's compacted state. Its full state is this snapshot plus
 * every row of `document_updates` still logged for it (compaction deletes the
 * rows it folds in, in the same transaction).
 */
export const documentSnapshots = pgTable("document_snapshots", {
  documentName: text("document_name").primaryKey(),
  familyId: uuid("family_id")
    .notNull()
    .references(() => families.id, { onDelete: "cascade" }),
  /** `Y.encodeStateAsUpdate` of the document. */
  state: bytea("state").notNull(),
  /** The highest update id folded in so far (for monitoring; loading reads every remaining row). */
  lastUpdateId: bigint("last_update_id", { mode: "number" }).notNull(),
  updatedAt: updatedAt(),
});
