/**
 * How updates stored by one realtime node reach the others. Single node: the
 * in-process default does nothing, because local connections are served
 * directly. A Redis pub/sub relay (REDIS_URL) implements the same interface:
 * `publish` after the update is stored, `subscribe` while a document is
 * loaded; received updates are applied and passed to local connections but
 * never stored again (their node stored them).
 */
export interface DocumentRelay {
  publish(documentName: string, update: Uint8Array): void;
  /** Calls `onUpdate` for updates other nodes stored; returns the unsubscribe. */
  subscribe(documentName: string, onUpdate: (update: Uint8Array) => void): () => void;
  close(): Promise<void>;
}

export const inProcessRelay: DocumentRelay = {
  publish: () => {},
  subscribe: () => () => {},
  close: async () => {},
};
