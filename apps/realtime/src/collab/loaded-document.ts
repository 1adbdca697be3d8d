import { parseDocumentName } from "@teamaround/domain";
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from "y-protocols/awareness";
import * as Y from "yjs";
import { stampAwarenessUpdate } from "./awareness";
import type { Connection } from "./connection";
import type { GroupCommit } from "./group-commit";
import type { PendingBudget } from "./limits";
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
} from "./protocol";
import type { DocumentRelay } from "./relay";
import { ShadowDocument } from "./shadow-document";
import { binaryFrame } from "./websocket-frame";

/** Transaction origin of updates that arrived from another node through the relay. */
export const relayOrigin = Symbol("relay");

/** A client id in awareness belongs to the first connection that used it; a connection may hold a few. */
const maxAwarenessIdsPerConnection = 4;

export interface Counters {
  /** Documents loaded from storage (a reload after an unload counts again). */
  documentLoads: number;
  updatesAccepted: number;
  droppedWrites: number;
  compactions: number;
  refusedConnections: number;
  /** Shadow copies built: a writer's update found none held (see shadow-document.ts). */
  shadowBuilds: number;
}

export interface DocumentHooks {
  committer: GroupCommit;
  /** What every document has accepted but not stored yet; when full, client updates are refused. */
  pending: PendingBudget;
  relay: DocumentRelay;
  /** Stops receiving this document from other nodes. */
  leaveRelay: () => void;
  counters: Counters;
  /** Called after updates were stored, so the registry can decide to compact. */
  onStored(document: LoadedDocument): void;
  /** Called when the document can no longer be trusted in memory (a store failed). */
  onBroken(document: LoadedDocument, reason: string): void;
}

/** "busy": not applied, because too much is waiting to be stored (the database is slow or down). */
export type ApplyResult = "applied" | "rejected" | "broken" | "busy";

/**
 * One document in memory, shared by all its connections: the change hook
 * (apply, then store, then relay) and awareness. An update is relayed to
 * other connections, and included in answers to sync step 1, only once it
 * is stored: `appliedSeq` counts updates applied, `durableSeq` those stored.
 */
export class LoadedDocument {
  readonly connections = new Set<Connection>();
  readonly awareness: Awareness;
  logCount: number;
  logBytes: number;
  compacting = false;
  unloadTimer: NodeJS.Timeout | null = null;
  private readonly owners = new Map<number, Connection>();
  private readonly shadow: ShadowDocument;
  private applying = false;
  private captured: Uint8Array[] = [];
  private appliedSeq = 0;
  private durableSeq = 0;
  private waiters: { seq: number; run: () => void }[] = [];

  constructor(
    readonly name: string,
    readonly familyId: string,
    readonly doc: Y.Doc,
    log: { logCount: number; logBytes: number },
    private readonly hooks: DocumentHooks,
  ) {
    this.logCount = log.logCount;
    this.logBytes = log.logBytes;
    const ref = parseDocumentName(name);
    if (!ref) throw new Error(`not a document name: ${name}`);
    this.shadow = new ShadowDocument(ref.kind, doc, () => hooks.counters.shadowBuilds++);
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** Drops the shadow copy when no client's update needed it since `before`; true if it did. */
  releaseIdleShadow(before: number): boolean {
    return this.shadow.releaseIfIdle(before);
  }

  get holdsShadow(): boolean {
    return this.shadow.held;
  }

  get hasUnstoredUpdates(): boolean {
    return this.durableSeq < this.appliedSeq;
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(this.doc));
    this.sendAwarenessTo(connection);
  }

  leave(connection: Connection): void {
    this.connections.delete(connection);
    const ids = [...connection.awarenessIds].filter((id) => this.owners.get(id) === connection);
    for (const id of ids) this.owners.delete(id);
    removeAwarenessStates(this.awareness, ids, "disconnect");
  }

  /** Answers sync step 1 with what the client lacks, once everything in that answer is stored. */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): boolean {
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch {
      return false;
    }
    this.whenStored(this.appliedSeq, () => connection.send(encodeSyncStep2(diff)));
    return true;
  }

  /**
   * Applies a client's update: first to the shadow copy (a malformed update,
   * or one that leaves the document outside its schema, is refused there and
   * harms nothing), then to the real one, capturing what it emits so nothing
   * is stored unless the whole update applied. "broken" means the real
   * document threw part-way and must be reloaded.
   */
  applyFromConnection(connection: Connection, update: Uint8Array): ApplyResult {
    if (this.hooks.pending.full) return "busy";
    // An update that carries nothing (a new client's answer to sync) needs no copy built to check it.
    if (!isEmptyUpdate(update) && this.shadow.tryUpdate(update) !== null) return "rejected";
    const pendingBefore = this.pending();
    this.applying = true;
    this.captured = [];
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch {
      return "broken";
    } finally {
      this.applying = false;
    }
    const captured = this.captured;
    this.captured = [];
    // Parts waiting for missing dependencies emit nothing yet, but sync answers
    // include them: store the update as received so they are durable too.
    const pendingAfter = this.pending();
    const pendingGrew =
      pendingAfter.structs !== pendingBefore.structs || pendingAfter.ds !== pendingBefore.ds;
    if (pendingGrew && (pendingAfter.structs || pendingAfter.ds)) captured.push(update);
    for (const stored of captured) this.store(stored, connection);
    // Once everything applied so far is stored, so is all of this update (new or not).
    if (connection.wantsStoredAcks) {
      const { to } = Y.parseUpdateMeta(update);
      this.whenStored(this.appliedSeq, () => connection.acknowledge(to));
    }
    return "applied";
  }

  /** Stamps the sender's identity over whatever it claimed, for client ids it may speak for. */
  applyAwareness(connection: Connection, update: Uint8Array): void {
    const principal = connection.principal;
    if (!principal) return;
    const stamped = stampAwarenessUpdate(update, principal.presence, (id) =>
      this.mayControl(connection, id),
    );
    if (!stamped) return;
    for (const id of stamped.clientIds) {
      this.owners.set(id, connection);
      connection.awarenessIds.add(id);
    }
    applyAwarenessUpdate(this.awareness, stamped.update, connection);
  }

  sendAwarenessTo(connection: Connection): void {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return;
    connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)));
  }

  /**
   * An update another node stored: applied with the relay origin, so it is
   * passed to local connections and never stored again. Decoded defensively
   * all the same; a document that throws part-way is reloaded from storage.
   */
  receiveRelayedUpdate(update: Uint8Array): void {
    if (!appliesCleanly(update)) return;
    try {
      Y.applyUpdate(this.doc, update, relayOrigin);
    } catch {
      this.hooks.onBroken(this, "document reloaded");
    }
  }

  /** Presence of another node's connections, stamped by that node. */
  receiveRelayedAwareness(update: Uint8Array): void {
    try {
      applyAwarenessUpdate(this.awareness, update, relayOrigin);
    } catch {
      // A malformed message from the relay changes nothing here.
    }
  }

  /** Drops every pending answer; called when the document leaves memory. */
  destroy(): void {
    this.waiters = [];
    this.hooks.leaveRelay();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.shadow.destroy();
    // Destroying the doc destroys its awareness too.
    this.doc.destroy();
  }

  private pending(): { structs: Uint8Array | undefined; ds: Uint8Array | null } {
    const { pendingStructs, pendingDs } = this.doc.store;
    return { structs: pendingStructs?.update, ds: pendingDs };
  }

  private mayControl(connection: Connection, id: number): boolean {
    const owner = this.owners.get(id);
    if (owner) return owner === connection;
    return connection.awarenessIds.size < maxAwarenessIdsPerConnection;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    // A client's update reached the shadow first; anything else is mirrored to it.
    if (!this.applying) this.shadow.mirror(update);
    if (origin === relayOrigin) {
      // Stored by the node that accepted it: pass it on, never store it twice.
      this.broadcast(encodeUpdate(update), null);
    } else if (this.applying) {
      this.captured.push(update);
    } else {
      this.store(update, null);
    }
  };

  private store(update: Uint8Array, origin: Connection | null): void {
    const seq = ++this.appliedSeq;
    this.hooks.counters.updatesAccepted++;
    const { pending } = this.hooks;
    pending.take(update.byteLength);
    this.hooks.committer.append({ documentName: this.name, familyId: this.familyId, update }).then(
      () => {
        pending.release(update.byteLength);
        this.logCount++;
        this.logBytes += update.byteLength;
        this.markStored(seq);
        this.broadcast(encodeUpdate(update), origin);
        this.hooks.relay.publishUpdate(this.name, update);
        this.hooks.onStored(this);
      },
      () => {
        pending.release(update.byteLength);
        this.hooks.onBroken(this, "could not store a change");
      },
    );
  }

  private whenStored(seq: number, run: () => void): void {
    if (this.durableSeq >= seq) run();
    else this.waiters.push({ seq, run });
  }

  private markStored(seq: number): void {
    this.durableSeq = Math.max(this.durableSeq, seq);
    const ready = this.waiters.filter((w) => w.seq <= this.durableSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.durableSeq);
    for (const waiter of ready) waiter.run();
  }

  /** One frame for every recipient, made only when there is one. */
  private broadcast(message: Uint8Array, except: Connection | null): void {
    let frame: Buffer | null = null;
    for (const connection of this.connections) {
      if (connection === except) continue;
      frame ??= binaryFrame(message);
      connection.sendFrame(frame, message);
    }
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0) return;
    const update = encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwareness(update), null);
    // Local changes reach the other nodes; each node times out stale entries by itself.
    if (origin !== relayOrigin && origin !== "timeout") {
      this.hooks.relay.publishAwareness(this.name, update);
    }
  };
}

/** Decoding and integrating into an empty document exercises every byte of the update. */
function appliesCleanly(update: Uint8Array): boolean {
  // A fixed guid: Y.Doc's default (a uuidv4 drawn from crypto, one call per
  // digit) cost ~100 µs per update, most of the check (bench/realtime).
  const scratch = new Y.Doc({ gc: false, guid: "scratch" });
  try {
    Y.applyUpdate(scratch, update);
    return true;
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}
