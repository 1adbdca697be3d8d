import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { SessionPolicy } from "@teamaround/auth";
import type { IceSettings, ProxyTrust } from "@teamaround/config";
import type { Database } from "@teamaround/db";
import type { EventBus } from "@teamaround/events";
import type { Logger } from "pino";
import { applyRealtimeEvent } from "./access/apply-event";
import { AccessRecheck, type RecheckStats } from "./access/recheck";
import { CollabServer, type ConnectionFilter } from "./collab/collab-server";
import { defaultLimits, type RealtimeLimits } from "./collab/limits";
import { type DocumentRelay, inProcessRelay } from "./collab/relay";
import type { AccessCacheTimes } from "./meetings/access-cache";
import { createMeetingServer, type MeetingServer } from "./meetings/create-meeting-server";
import type { RateLimits } from "./meetings/rate-limit";
import { createRedisScaleOut, type ScaleOut, type ScaleOutConfig } from "./scale-out";

export type { ConnectionFilter };

export interface RealtimeConfig {
  /** The origin browsers use; WebSocket handshakes from any other are refused. */
  publicOrigin: string;
  sessionPolicy: SessionPolicy;
  limits?: Partial<RealtimeLimits>;
  meetingRateLimits?: Partial<RateLimits>;
  /** STUN and TURN servers for the meeting call (TURN credentials minted per person). */
  ice?: IceSettings;
  /** Load balancers whose X-Forwarded-For names the client, for the audit log; absent: none. */
  trustedProxies?: ProxyTrust;
  /**
   * How often every open connection's session and access are re-checked (the
   * safety net under lost events), in ms; 0 turns it off. Default 2000.
   */
  accessRecheckMs?: number;
  /** Several nodes: Yjs documents and Socket.io rooms shared through Redis. Unset: no Redis at all. */
  redis?: ScaleOutConfig;
}

export interface RealtimeDeps {
  db: Database;
  logger: Logger;
  config: RealtimeConfig;
  /** Injected so tests can move time forward. */
  now: () => Date;
  /** What the API announces (access revoked, family changed); none: the re-check alone. */
  events?: EventBus;
  /** How stored updates reach other nodes; Redis with `config.redis`, else in-process (none). */
  relay?: DocumentRelay;
}

export const defaultAccessRecheckMs = 2000;

/**
 * A socket's cached meeting access must have been confirmed by one of the
 * last two re-check passes (with room for a slow pass), and the meeting
 * itself is read again every 30 s.
 */
export function accessCacheTimes(recheckMs: number): AccessCacheTimes {
  return { confirmWithinMs: 2 * recheckMs + 1000, reloadAfterMs: 30_000 };
}

export interface RealtimeStats {
  /** Open sockets, including those still being admitted. */
  connections: number;
  loadedDocuments: number;
  /** Loaded documents holding their shadow copy now (a writer sent an update in the last `shadowIdleMs`). */
  shadowCopies: number;
  /** Documents loaded from storage since start (a reload after an unload counts again). */
  documentLoads: number;
  updatesAccepted: number;
  /** Writes sent on read-only connections, dropped unapplied. */
  droppedWrites: number;
  /** Group commits (batches of updates) written. */
  commits: number;
  /** Counts, in `histogramBoundsMs` buckets, of each batch's commit time and of each update's accepted → stored. */
  commitMs: number[];
  storeDelayMs: number[];
  /** Updates accepted and not yet stored (bounded: `maxPendingUpdates`, `maxPendingBytes`). */
  pendingUpdates: number;
  compactions: number;
  refusedConnections: number;
  /** Shadow copies built since start: each writer's update that found none held. */
  shadowBuilds: number;
  accessRecheck: RecheckStats;
}

export interface Realtime {
  /** Serves `/yjs/*` and `/socket.io` upgrades of this server; leaves every other path alone. */
  attach(server: Server): void;
  /** For servers that route upgrades themselves: true when the request was a `/yjs/` one and was taken. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes matching Yjs connections (4403 by default, and the reason), e.g. when access is removed. */
  closeConnectionsFor(filter: ConnectionFilter, reason: string, code?: number): number;
  /** The Socket.io meeting rooms (`disconnectWhere`, `relayFamilyNotice`, `io`). */
  meetings: MeetingServer;
  disconnectWhere: MeetingServer["disconnectWhere"];
  relayFamilyNotice: MeetingServer["relayFamilyNotice"];
  /** Runs one access re-check now; answers how many connections it closed. */
  recheckAccess(): Promise<number>;
  stats(): RealtimeStats;
  /** The in-memory state of a loaded document, for tests and tools. */
  documentState(name: string): Uint8Array | null;
  /** Closes every connection (1001), waits until every accepted update is stored, unloads. */
  close(): Promise<void>;
}

/** Builds the realtime server. Tests and production build exactly this object. */
export function createRealtime(deps: RealtimeDeps): Realtime {
  const { config, logger } = deps;
  const scaleOut: ScaleOut | null = config.redis ? createRedisScaleOut(config.redis, logger) : null;
  const collab = new CollabServer({
    db: deps.db,
    logger,
    publicOrigin: config.publicOrigin,
    sessionPolicy: config.sessionPolicy,
    limits: { ...defaultLimits, ...config.limits },
    relay: deps.relay ?? scaleOut?.relay ?? inProcessRelay,
    now: deps.now,
    ...(config.trustedProxies ? { trustedProxies: config.trustedProxies } : {}),
  });
  const recheckMs = config.accessRecheckMs ?? defaultAccessRecheckMs;
  const meetings = createMeetingServer({
    db: deps.db,
    logger,
    config: {
      ...(recheckMs > 0 ? { accessCache: accessCacheTimes(recheckMs) } : {}),
      publicOrigin: config.publicOrigin,
      sessionPolicy: config.sessionPolicy,
      ...(config.meetingRateLimits ? { rateLimits: config.meetingRateLimits } : {}),
      ...(config.ice ? { ice: config.ice } : {}),
      ...(config.trustedProxies ? { trustedProxies: config.trustedProxies } : {}),
      sharedAcrossNodes: scaleOut !== null,
    },
    now: deps.now,
  });
  if (scaleOut) meetings.io.adapter(scaleOut.adapter);
  const recheck = new AccessRecheck(
    { db: deps.db, logger, sessionPolicy: config.sessionPolicy, now: deps.now, collab, meetings },
    recheckMs,
  );
  recheck.start();
  const unsubscribe = deps.events?.subscribe((event) =>
    applyRealtimeEvent({ collab, meetings, logger, db: deps.db }, event),
  );
  const attached: Server[] = [];
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    collab.handleUpgrade(request, socket, head);
  };
  return {
    attach(server) {
      server.on("upgrade", onUpgrade);
      meetings.attach(server);
      attached.push(server);
    },
    handleUpgrade: (request, socket, head) => collab.handleUpgrade(request, socket, head),
    closeConnectionsFor: (filter, reason, code) => collab.closeConnectionsFor(filter, reason, code),
    meetings,
    disconnectWhere: (filter, reason) => meetings.disconnectWhere(filter, reason),
    relayFamilyNotice: (familyId, notice) => meetings.relayFamilyNotice(familyId, notice),
    recheckAccess: () => recheck.runOnce(),
    stats: () => ({
      connections: collab.connectionCount,
      loadedDocuments: collab.registry.size,
      shadowCopies: collab.registry.shadowCopies,
      ...collab.counters,
      commits: collab.committer.commits,
      commitMs: [...collab.committer.commitTimes.counts],
      storeDelayMs: [...collab.committer.storeDelays.counts],
      pendingUpdates: collab.pending.updates,
      accessRecheck: { ...recheck.stats },
    }),
    documentState: (name) => collab.documentState(name),
    async close() {
      unsubscribe?.();
      await recheck.stop();
      for (const server of attached) server.off("upgrade", onUpgrade);
      // After a Redis outage the connections may still be coming back (see `connected`).
      await scaleOut?.connected(10_000);
      await meetings.close();
      await collab.close();
      await scaleOut?.close();
    },
  };
}
