import type { Logger } from "pino";
import * as Y from "yjs";
import type { Connection } from "./connection";
import type { GroupCommit } from "./group-commit";
import type { PendingBudget, RealtimeLimits } from "./limits";
import { loadDocument } from "./load";
import { type Counters, LoadedDocument } from "./loaded-document";
import type { DocumentRelay, RelayReceiver } from "./relay";
import type { DocumentStore } from "./store";

export interface RegistryDeps {
  store: DocumentStore;
  committer: GroupCommit;
  pending: PendingBudget;
  relay: DocumentRelay;
  limits: RealtimeLimits;
  logger: Logger;
  counters: Counters;
}

/**
 * One in-memory document per name, shared by its connections; loaded once
 * however many connections ask at the same time, and unloaded a while after
 * the last one leaves (never while it holds updates not yet stored).
 */
export class DocumentRegistry {
  private readonly loaded = new Map<string, LoadedDocument>();
  private readonly loading = new Map<string, Promise<LoadedDocument>>();
  private readonly compactions = new Set<Promise<void>>();
  private closed = false;
  private readonly shadowSweep: NodeJS.Timeout;

  constructor(private readonly deps: RegistryDeps) {
    const every = Math.max(1_000, deps.limits.shadowIdleMs / 2);
    this.shadowSweep = setInterval(() => this.releaseIdleShadows(), every);
    this.shadowSweep.unref();
  }

  /** Drops the shadow copies of documents no client has written to for `shadowIdleMs`; answers how many. */
  releaseIdleShadows(now = Date.now()): number {
    let released = 0;
    const before = now - this.deps.limits.shadowIdleMs;
    for (const document of this.loaded.values()) {
      if (document.releaseIdleShadow(before)) released++;
    }
    return released;
  }

  get size(): number {
    return this.loaded.size;
  }

  get shadowCopies(): number {
    let held = 0;
    for (const document of this.loaded.values()) if (document.holdsShadow) held++;
    return held;
  }

  get(name: string): LoadedDocument | undefined {
    return this.loaded.get(name);
  }

  acquire(name: string, familyId: string): Promise<LoadedDocument> {
    const existing = this.loaded.get(name);
    if (existing) return Promise.resolve(existing);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.load(name, familyId).finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  join(document: LoadedDocument, connection: Connection): void {
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    document.unloadTimer = null;
    document.join(connection);
  }

  leave(document: LoadedDocument, connection: Connection): void {
    document.leave(connection);
    this.scheduleUnload(document);
  }

  /** Throws the document out of memory and closes its connections; clients reconnect and re-sync. */
  evict(document: LoadedDocument, code: number, reason: string): void {
    if (this.loaded.get(document.name) !== document) return;
    this.loaded.delete(document.name);
    for (const connection of [...document.connections]) connection.close(code, reason);
    document.destroy();
  }

  /** Shutdown: waits for running compactions and loads, then unloads every document. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.shadowSweep);
    await Promise.allSettled([...this.compactions, ...this.loading.values()]);
    for (const document of this.loaded.values()) {
      if (document.unloadTimer) clearTimeout(document.unloadTimer);
      document.destroy();
    }
    this.loaded.clear();
  }

  /** Starts a compaction when the log has grown past either limit and none is running. */
  maybeCompact(document: LoadedDocument): void {
    const { limits, store, counters, logger } = this.deps;
    const due =
      document.logCount > limits.compactAfterUpdates ||
      document.logBytes > limits.compactAfterBytes;
    if (!due || document.compacting || this.closed) return;
    document.compacting = true;
    const running: Promise<void> = store
      .compact(document.name)
      .then((result) => {
        if (!result) return;
        counters.compactions++;
        document.logCount = Math.max(0, document.logCount - result.folded);
        document.logBytes = Math.max(0, document.logBytes - result.foldedBytes);
      })
      .catch((error: unknown) =>
        logger.error({ err: error, document: document.name }, "compaction failed"),
      )
      .finally(() => {
        document.compacting = false;
        this.compactions.delete(running);
      });
    this.compactions.add(running);
  }

  /**
   * Joins the relay BEFORE reading storage: an update another node stores
   * meanwhile is either in what we read or in what the relay delivers
   * (applying both is harmless). Relayed messages wait until the document exists.
   */
  private async load(name: string, familyId: string): Promise<LoadedDocument> {
    const inbox = new RelayInbox((document) => this.resync(document));
    const leaveRelay = await this.deps.relay.join(name, inbox);
    let state: Awaited<ReturnType<typeof loadDocument>>;
    try {
      state = await loadDocument(this.deps.store, name);
    } catch (error) {
      leaveRelay();
      throw error;
    }
    if (this.closed) {
      leaveRelay();
      state.doc.destroy();
      throw new Error("the realtime server is shutting down");
    }
    const document = new LoadedDocument(name, familyId, state.doc, state, {
      committer: this.deps.committer,
      pending: this.deps.pending,
      relay: this.deps.relay,
      leaveRelay,
      counters: this.deps.counters,
      onStored: (stored) => this.maybeCompact(stored),
      onBroken: (broken, reason) => this.evict(broken, 1011, reason),
    });
    inbox.deliverTo(document);
    this.loaded.set(name, document);
    this.deps.counters.documentLoads++;
    this.maybeCompact(document);
    // Whoever asked joins at once; if nobody does, the document still leaves memory.
    this.scheduleUnload(document);
    return document;
  }

  /** Catches a document up from storage after relayed messages may have been lost. */
  private resync(document: LoadedDocument): void {
    loadDocument(this.deps.store, document.name)
      .then((state) => {
        if (this.loaded.get(document.name) === document) {
          document.receiveRelayedUpdate(Y.encodeStateAsUpdate(state.doc));
        }
        state.doc.destroy();
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, document: document.name }, "resync failed"),
      );
  }

  private scheduleUnload(document: LoadedDocument): void {
    if (document.connections.size > 0) return;
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    document.unloadTimer = setTimeout(() => this.unload(document), this.deps.limits.unloadDelayMs);
    document.unloadTimer.unref();
  }

  private unload(document: LoadedDocument): void {
    document.unloadTimer = null;
    if (document.connections.size > 0 || this.loaded.get(document.name) !== document) return;
    if (document.hasUnstoredUpdates) {
      this.scheduleUnload(document);
      return;
    }
    this.loaded.delete(document.name);
    document.destroy();
    this.deps.logger.debug({ document: document.name }, "document unloaded");
  }
}

/** More relayed messages than this during one load: drop them and catch up from storage. */
const maxWaitingMessages = 10_000;

/** Holds what the relay delivers while the document is still loading, then hands it over. */
class RelayInbox implements RelayReceiver {
  private target: LoadedDocument | null = null;
  private waiting: { kind: "update" | "awareness"; bytes: Uint8Array }[] = [];
  /** Messages were (or may have been) missed before the document existed: resync once it does. */
  private missed = false;

  constructor(private readonly onResync: (document: LoadedDocument) => void) {}

  deliverTo(document: LoadedDocument): void {
    this.target = document;
    const waiting = this.waiting;
    this.waiting = [];
    for (const message of waiting) this.receive(message.kind, message.bytes);
    if (this.missed) this.onResync(document);
  }

  update(update: Uint8Array): void {
    this.receive("update", update);
  }

  awareness(update: Uint8Array): void {
    this.receive("awareness", update);
  }

  resync(): void {
    if (this.target) this.onResync(this.target);
    else this.missed = true;
  }

  private receive(kind: "update" | "awareness", bytes: Uint8Array): void {
    if (!this.target) {
      if (this.waiting.length < maxWaitingMessages) this.waiting.push({ kind, bytes });
      else this.missed = true;
    } else if (kind === "update") {
      this.target.receiveRelayedUpdate(bytes);
    } else {
      this.target.receiveRelayedAwareness(bytes);
    }
  }
}
