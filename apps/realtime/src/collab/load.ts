import * as Y from "yjs";
import type { DocumentStore } from "./store";

export interface LoadedState {
  doc: Y.Doc;
  logCount: number;
  logBytes: number;
}

/**
 * The load hook: the document's stored state, COMPLETE — snapshot plus every
 * update after it — before any client is answered. Nothing is ever seeded:
 * a document that does not exist yet starts empty, and one that exists is
 * exactly what was stored.
 */
export async function loadDocument(
  store: DocumentStore,
  documentName: string,
): Promise<LoadedState> {
  const stored = await store.fetch(documentName);
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return { doc, logCount: stored.updates.length, logBytes: stored.logBytes };
}
