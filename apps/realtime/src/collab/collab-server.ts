import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { SessionPolicy } from "@teamaround/auth";
import type { ProxyTrust } from "@teamaround/config";
import { type Database, type DocumentAppender, openDocumentAppender } from "@teamaround/db";
import { realtimeCloseCodes } from "@teamaround/domain";
import type { Logger } from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import * as Y from "yjs";
import {
  authenticate,
  documentPathPrefix,
  isRefusal,
  type Principal,
  recordJoin,
} from "./authenticate";
import { Connection, type ConnectionContext } from "./connection";
import { DocumentRegistry } from "./document-registry";
import { GroupCommit } from "./group-commit";
import { hardFrameLimit, PendingBudget, type RealtimeLimits } from "./limits";
import type { Counters } from "./loaded-document";
import type { DocumentRelay } from "./relay";
import { createDocumentStore } from "./store";

export interface CollabDeps {
  db: Database;
  logger: Logger;
  publicOrigin: string;
  sessionPolicy: SessionPolicy;
  limits: RealtimeLimits;
  relay: DocumentRelay;
  now: () => Date;
  trustedProxies?: ProxyTrust;
}

/**
 * Which connections to close. Every field given must match: a user (or any
 * of several), a family's documents, sessions. An empty filter matches nothing.
 */
export interface ConnectionFilter {
  userId?: string;
  userIds?: readonly string[];
  familyId?: string;
  sessionIds?: readonly string[];
}

/** `?stored=1` on the document's URL: the client wants `messageStored` acknowledgements. */
function asksForStoredAcks(url: string | undefined): boolean {
  const query = (url ?? "").split("?")[1];
  return query !== undefined && new URLSearchParams(query).get("stored") === "1";
}

function matches(filter: ConnectionFilter, principal: Principal): boolean {
  const { userId, userIds, familyId, sessionIds } = filter;
  if (userId && principal.actor.userId !== userId) return false;
  if (userIds && !userIds.includes(principal.actor.userId)) return false;
  if (sessionIds && !sessionIds.includes(principal.sessionId)) return false;
  return !familyId || principal.document.familyId === familyId;
}

/**
 * The Yjs endpoint: takes `/yjs/*` upgrades and runs each connection through
 * the hooks — authenticate → load → change → store → disconnect.
 */
export class CollabServer {
  readonly counters: Counters = {
    documentLoads: 0,
    updatesAccepted: 0,
    droppedWrites: 0,
    compactions: 0,
    refusedConnections: 0,
    shadowBuilds: 0,
  };
  readonly committer: GroupCommit;
  /** Updates accepted and not yet stored, bounded by the limits. */
  readonly pending: PendingBudget;
  readonly registry: DocumentRegistry;
  private readonly connections = new Set<Connection>();
  private readonly wss: WebSocketServer;
  private readonly context: ConnectionContext;
  private readonly appender: DocumentAppender;
  private closing = false;

  constructor(private readonly deps: CollabDeps) {
    const { db, limits, logger, relay } = deps;
    this.appender = openDocumentAppender(db);
    const store = createDocumentStore(db, this.appender);
    this.committer = new GroupCommit(store);
    this.pending = new PendingBudget(limits);
    this.registry = new DocumentRegistry({
      store,
      committer: this.committer,
      pending: this.pending,
      relay,
      limits,
      logger,
      counters: this.counters,
    });
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: hardFrameLimit(limits),
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.context = {
      limits,
      counters: this.counters,
      logger,
      onBrokenDocument: (document) =>
        this.registry.evict(document, realtimeCloseCodes.serverError, "document reloaded"),
      onClose: (connection) => {
        this.connections.delete(connection);
        if (connection.document) this.registry.leave(connection.document, connection);
      },
    };
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** True when the request was for `/yjs/*` and has been taken. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!(request.url ?? "").startsWith(documentPathPrefix)) return false;
    if (this.closing) {
      socket.destroy();
      return true;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.start(ws, request, socket));
    return true;
  }

  closeConnectionsFor(
    filter: ConnectionFilter,
    reason: string,
    code: number = realtimeCloseCodes.forbidden,
  ): number {
    const { userId, userIds, familyId, sessionIds } = filter;
    if (!userId && !userIds && !familyId && !sessionIds) return 0;
    const matching = [...this.connections].filter(
      (connection) => connection.principal && matches(filter, connection.principal),
    );
    for (const connection of matching) connection.close(code, reason);
    return matching.length;
  }

  /** Connections past authentication (still loading or open), for the periodic access re-check. */
  admittedConnections(): Connection[] {
    return [...this.connections].filter((c) => c.principal !== null && !c.isClosed());
  }

  documentState(name: string): Uint8Array | null {
    const document = this.registry.get(name);
    return document ? Y.encodeStateAsUpdate(document.doc) : null;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const connection of [...this.connections]) {
      connection.close(realtimeCloseCodes.goingAway, "server shutting down");
    }
    await this.committer.idle();
    await this.registry.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.appender.close();
  }

  private start(ws: WebSocket, request: IncomingMessage, socket: Duplex): void {
    const connection = new Connection(ws, this.context, socket);
    connection.wantsStoredAcks = asksForStoredAcks(request.url);
    this.connections.add(connection);
    this.admit(connection, request).catch((error: unknown) => {
      this.deps.logger.error({ err: error, url: request.url }, "could not admit a connection");
      connection.close(realtimeCloseCodes.serverError, "server error");
    });
  }

  /** authenticate → audit and load → join; messages that arrive meanwhile wait in the connection's queue. */
  private async admit(connection: Connection, request: IncomingMessage): Promise<void> {
    const { db, limits } = this.deps;
    const result = await authenticate(this.deps, request);
    if (connection.isClosed()) return;
    if (isRefusal(result)) {
      this.counters.refusedConnections++;
      connection.close(result.code, result.reason);
      return;
    }
    if (this.openConnectionsOf(result.actor.userId) >= limits.maxConnectionsPerUser) {
      this.counters.refusedConnections++;
      connection.close(realtimeCloseCodes.tooManyRequests, "too many open documents");
      return;
    }
    connection.principal = result;
    // The join's audit row and the document's load are independent: one wait, not two.
    const [, document] = await Promise.all([
      recordJoin(db, result),
      this.registry.acquire(result.document.name, result.document.familyId),
    ]);
    if (connection.isClosed()) return;
    if (this.registry.get(document.name) !== document) {
      connection.close(realtimeCloseCodes.serverError, "document reloaded");
      return;
    }
    this.registry.join(document, connection);
    connection.open(result, document);
  }

  private openConnectionsOf(userId: string): number {
    let count = 0;
    for (const connection of this.connections) {
      if (connection.principal?.actor.userId === userId) count++;
    }
    return count;
  }
}
