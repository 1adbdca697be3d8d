import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { documentSnapshots, documentUpdates } from "../schema";

/** What the database holds of one Yjs document: its snapshot and the updates logged after it. */
export interface StoredDocumentLog {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

export interface DocumentUpdateRow {
  documentName: string;
  familyId: string;
  update: Uint8Array;
}

/** Folds a snapshot (null: none yet) and updates into one state; `fold(null, [])` is the empty document. */
export type FoldUpdates = (
  snapshot: Uint8Array | null,
  updates: readonly Uint8Array[],
) => Uint8Array;

export interface CompactedLog {
  /** The highest update id folded into the snapshot so far. */
  lastUpdateId: number;
  folded: number;
  foldedBytes: number;
  snapshotBytes: number;
}

/** Rows per INSERT statement: 3 parameters a row stays far below PostgreSQL's 65,535. */
const rowsPerStatement = 5000;
const idsPerDelete = 10_000;

/**
 * Reads the snapshot and every update still in the log, in one repeatable-read
 * transaction: compaction swaps "snapshot + folded updates" atomically, so we
 * see the document either before or after it, never half.
 */
export async function getDocumentLog(
  db: Database,
  documentName: string,
): Promise<StoredDocumentLog> {
  return db.transaction(
    async (tx) => {
      const [snapshot] = await tx
        .select({ state: documentSnapshots.state })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.documentName, documentName));
      const rows = await tx
        .select({ update: documentUpdates.update })
        .from(documentUpdates)
        .where(eq(documentUpdates.documentName, documentName))
        .orderBy(asc(documentUpdates.id));
      return { snapshot: snapshot?.state ?? null, updates: rows.map((row) => row.update) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** One multi-row INSERT is one statement and one commit; huge batches are chunked in a transaction. */
export async function insertDocumentUpdates(
  db: Database,
  updates: readonly DocumentUpdateRow[],
): Promise<void> {
  if (updates.length === 0) return;
  if (updates.length <= rowsPerStatement) {
    await db.insert(documentUpdates).values([...updates]);
    return;
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < updates.length; i += rowsPerStatement) {
      await tx.insert(documentUpdates).values(updates.slice(i, i + rowsPerStatement));
    }
  });
}

/**
 * Folds the snapshot and every logged update with `fold`, writes the result
 * as the new snapshot and deletes exactly the updates it read, by id, in one
 * transaction. Updates appended meanwhile are not among them and survive —
 * even one whose id is lower but whose commit came later (ids are handed out
 * before commit), which is why loading reads every remaining update rather
 * than those after `last_update_id`. The snapshot row is created if missing
 * and locked first, so compactions of one document run one after another and
 * each starts from the last one's result. Null when there is nothing to fold.
 */
export async function compactDocumentLog(
  db: Database,
  documentName: string,
  fold: FoldUpdates,
): Promise<CompactedLog | null> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: documentUpdates.id, familyId: documentUpdates.familyId })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentName, documentName))
      .limit(1);
    const first = rows[0];
    if (!first) return null;
    await tx
      .insert(documentSnapshots)
      .values({ documentName, familyId: first.familyId, state: fold(null, []), lastUpdateId: 0 })
      .onConflictDoNothing();
    const [snapshot] = await tx
      .select({ state: documentSnapshots.state, lastUpdateId: documentSnapshots.lastUpdateId })
      .from(documentSnapshots)
      .where(eq(documentSnapshots.documentName, documentName))
      .for("update");
    const log = await tx
      .select({ id: documentUpdates.id, update: documentUpdates.update })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentName, documentName))
      .orderBy(asc(documentUpdates.id));
    if (log.length === 0 || !snapshot) return null;
    const state = fold(
      snapshot.state,
      log.map((row) => row.update),
    );
    const ids = log.map((row) => row.id);
    const lastUpdateId = ids.reduce((max, id) => Math.max(max, id), snapshot.lastUpdateId);
    await tx
      .update(documentSnapshots)
      .set({ state, lastUpdateId, updatedAt: sql`now()` })
      .where(eq(documentSnapshots.documentName, documentName));
    for (let i = 0; i < ids.length; i += idsPerDelete) {
      await tx
        .delete(documentUpdates)
        .where(inArray(documentUpdates.id, ids.slice(i, i + idsPerDelete)));
    }
    return {
      lastUpdateId,
      folded: log.length,
      foldedBytes: log.reduce((sum, row) => sum + row.update.byteLength, 0),
      snapshotBytes: state.byteLength,
    };
  });
}
