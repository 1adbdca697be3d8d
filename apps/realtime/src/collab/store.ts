import {
  type CompactedLog,
  compactDocumentLog,
  type Database,
  type DocumentAppender,
  type DocumentUpdateRow,
  getDocumentLog,
  insertDocumentUpdates,
} from "@teamaround/db";
import * as Y from "yjs";

/** What the database holds of one document: a snapshot and the updates after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Size of the log after the snapshot, which decides when to compact. */
  logBytes: number;
}

export type PendingUpdate = DocumentUpdateRow;
export type CompactionResult = CompactedLog;

/**
 * Persistence as a fetch/store pair (plus compaction), over the `packages/db`
 * document-log queries. Reads and compaction use the shared pool; `store` (the
 * group commit) writes only through `appender`, a connection of its own.
 */
export interface DocumentStore {
  fetch(documentName: string): Promise<StoredDocument>;
  /** Appends updates of any number of documents in one transaction. */
  store(updates: readonly PendingUpdate[]): Promise<void>;
  compact(documentName: string): Promise<CompactionResult | null>;
}

/** Without an appender, `store` inserts through the shared pool (tools and tests). */
export function createDocumentStore(db: Database, appender?: DocumentAppender): DocumentStore {
  return {
    async fetch(documentName) {
      const { snapshot, updates } = await getDocumentLog(db, documentName);
      const logBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
      return { snapshot, updates, logBytes };
    },
    store: (updates) => (appender ? appender.append(updates) : insertDocumentUpdates(db, updates)),
    compact: (documentName) => compactDocumentLog(db, documentName, foldUpdates),
  };
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
