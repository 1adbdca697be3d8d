/**
 * What a node receives of a document from the other nodes: updates they
 * stored (applied here with the relay origin: passed to local connections,
 * never stored again) and awareness (presence) of their connections.
 */
export interface RelayReceiver {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
  /**
   * Messages may have been lost (the relay's connection dropped and came
   * back): catch up from storage, which holds every update that was relayed.
   */
  resync(): void;
}

/**
 * How documents are shared between realtime nodes. Single node: the
 * in-process default does nothing, because local connections are served
 * directly. With REDIS_URL, a Redis pub/sub relay (`redis-relay.ts`).
 */
export interface DocumentRelay {
  /**
   * Starts receiving a document's messages; resolves once they will arrive,
   * so a load from storage that starts after it misses nothing. Answers the
   * leave function.
   */
  join(documentName: string, receiver: RelayReceiver): Promise<() => void>;
  /** An update, after it is stored. */
  publishUpdate(documentName: string, update: Uint8Array): void;
  /** Awareness changes of this node's connections (already stamped by the server). */
  publishAwareness(documentName: string, update: Uint8Array): void;
  close(): Promise<void>;
}

export const inProcessRelay: DocumentRelay = {
  join: async () => () => {},
  publishUpdate: () => {},
  publishAwareness: () => {},
  close: async () => {},
};
