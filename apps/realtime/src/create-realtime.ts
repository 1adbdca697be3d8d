import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { SessionPolicy } from "@teamaround/auth";
import type { Database } from "@teamaround/db";
import type { Logger } from "pino";
import { CollabServer, type ConnectionFilter } from "./collab/collab-server";
import { defaultLimits, type RealtimeLimits } from "./collab/limits";
import { type DocumentRelay, inProcessRelay } from "./collab/relay";

export type { ConnectionFilter };

export interface RealtimeConfig {
  /** The origin browsers use; WebSocket handshakes from any other are refused. */
  publicOrigin: string;
  sessionPolicy: SessionPolicy;
  limits?: Partial<RealtimeLimits>;
}

export interface RealtimeDeps {
  db: Database;
  logger: Logger;
  config: RealtimeConfig;
  /** Injected so tests can move time forward. */
  now: () => Date;
  /** How stored updates reach other nodes; in-process (none) by default. */
  relay?: DocumentRelay;
}

export interface RealtimeStats {
  /** Open sockets, including those still being admitted. */
  connections: number;
  loadedDocuments: number;
  /** Documents loaded from storage since start (a reload after an unload counts again). */
  documentLoads: number;
  updatesAccepted: number;
  /** Writes sent on read-only connections, dropped unapplied. */
  droppedWrites: number;
  /** Group commits (batches of updates) written. */
  commits: number;
  compactions: number;
  refusedConnections: number;
}

export interface Realtime {
  /** Serves `/yjs/*` upgrades of this server; leaves every other path to other listeners. */
  attach(server: Server): void;
  /** For servers that route upgrades themselves: true when the request was taken. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes matching connections (4403 and the reason), e.g. when access is removed. */
  closeConnectionsFor(filter: ConnectionFilter, reason: string): number;
  stats(): RealtimeStats;
  /** The in-memory state of a loaded document, for tests and tools. */
  documentState(name: string): Uint8Array | null;
  /** Closes every connection (1001), waits until every accepted update is stored, unloads. */
  close(): Promise<void>;
}

/** Builds the realtime server. Tests and production build exactly this object. */
export function createRealtime(deps: RealtimeDeps): Realtime {
  const { config } = deps;
  const collab = new CollabServer({
    db: deps.db,
    logger: deps.logger,
    publicOrigin: config.publicOrigin,
    sessionPolicy: config.sessionPolicy,
    limits: { ...defaultLimits, ...config.limits },
    relay: deps.relay ?? inProcessRelay,
    now: deps.now,
  });
  const attached: Server[] = [];
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    collab.handleUpgrade(request, socket, head);
  };
  return {
    attach(server) {
      server.on("upgrade", onUpgrade);
      attached.push(server);
    },
    handleUpgrade: (request, socket, head) => collab.handleUpgrade(request, socket, head),
    closeConnectionsFor: (filter, reason) => collab.closeConnectionsFor(filter, reason),
    stats: () => ({
      connections: collab.connectionCount,
      loadedDocuments: collab.registry.size,
      ...collab.counters,
      commits: collab.committer.commits,
    }),
    documentState: (name) => collab.documentState(name),
    async close() {
      for (const server of attached) server.off("upgrade", onUpgrade);
      await collab.close();
    },
  };
}
