import { type Database, documentSnapshots, documentUpdates } from "@teamaround/db";
import { asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";

/** What the database holds of one document: a snapshot and the updates after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Size of the log after the snapshot, which decides when to compact. */
  logBytes: number;
}

export interface PendingUpdate {
  documentName: string;
  familyId: string;
  update: Uint8Array;
}

export interface CompactionResult {
  /** The highest update id folded into the snapshot so far. */
  lastUpdateId: number;
  folded: number;
  foldedBytes: number;
  snapshotBytes: number;
}

/** Persistence as a fetch/store pair (plus compaction), over the update log and snapshot tables. */
export interface DocumentStore {
  fetch(documentName: string): Promise<StoredDocument>;
  /** Appends updates of any number of documents in one transaction. */
  store(updates: readonly PendingUpdate[]): Promise<void>;
  compact(documentName: string): Promise<CompactionResult | null>;
}

/** Rows per INSERT statement: 3 parameters a row stays far below PostgreSQL's 65,535. */
const rowsPerStatement = 5000;
const idsPerDelete = 10_000;
/** The state of a document with nothing in it. */
const emptyState = Y.encodeStateAsUpdate(new Y.Doc());

export function createDocumentStore(db: Database): DocumentStore {
  return {
    fetch: (documentName) => fetchDocument(db, documentName),
    store: (updates) => storeUpdates(db, updates),
    compact: (documentName) => compactDocument(db, documentName),
  };
}

/**
 * Reads the snapshot and every update still in the log, in one repeatable-read
 * transaction: compaction swaps "snapshot + folded updates" atomically, so we
 * see the document either before or after it, never half.
 */
async function fetchDocument(db: Database, documentName: string): Promise<StoredDocument> {
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
      const updates = rows.map((row) => row.update);
      const logBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
      return { snapshot: snapshot?.state ?? null, updates, logBytes };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** One multi-row INSERT is one statement and one commit; huge batches are chunked in a transaction. */
async function storeUpdates(db: Database, updates: readonly PendingUpdate[]): Promise<void> {
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
 * Folds the snapshot and every logged update into a fresh Y.Doc, writes its
 * state as the new snapshot and deletes exactly the updates it read, by id,
 * in one transaction. Updates appended meanwhile are not among them and
 * survive — even one whose id is lower but whose commit came later (ids are
 * handed out before commit), which is why loading reads every remaining
 * update rather than those after `last_update_id`. The snapshot row is
 * created if missing and locked first, so compactions of one document run
 * one after another and each starts from the last one's result.
 */
async function compactDocument(
  db: Database,
  documentName: string,
): Promise<CompactionResult | null> {
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
      .values({ documentName, familyId: first.familyId, state: emptyState, lastUpdateId: 0 })
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
    const state = foldUpdates(
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

/** Applies updates into a fresh document and re-encodes it (never `Y.mergeUpdates`, which is superlinear). */
export function foldUpdates(
  snapshot: Uint8Array | null,
  updates: readonly Uint8Array[],
): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
