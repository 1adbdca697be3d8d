import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { type ApiConfig, createApi } from "@teamaround/api";
import type { SignInThrottle } from "@teamaround/auth";
import type { NoticeSettings } from "@teamaround/config";
import type { Database } from "@teamaround/db";
import type { EventBus } from "@teamaround/events";
import {
  createNoticeScheduler,
  createNoticeTransport,
  createNoticeWorker,
  type NoticeScheduler,
  type NoticeWorker,
} from "@teamaround/notices";
import { createRealtime, type Realtime, type RealtimeConfig } from "@teamaround/realtime";
import type { Logger } from "pino";
import { createRetentionScheduler, type RetentionScheduler } from "./retention-scheduler";
import { createWebApp } from "./web-app";

export interface ServerDeps {
  db: Database;
  logger: Logger;
  config: ApiConfig & {
    /** The built web client (`apps/web/dist`). */
    webDist: string;
    accessRecheckMs?: RealtimeConfig["accessRecheckMs"];
    redis?: RealtimeConfig["redis"];
    /** STUN and TURN servers for the meeting call. */
    ice?: RealtimeConfig["ice"];
    /** How notices leave; when given, the outbox worker runs while the server listens. */
    notices?: NoticeSettings;
  };
  throttle: SignInThrottle;
  /** Carries the API's announcements to realtime (in process, or Redis shared with other nodes). */
  events: EventBus;
  now: () => Date;
}

export interface TeamaroundServer {
  server: Server;
  realtime: Realtime;
  /** The outbox worker, when `config.notices` was given. */
  notices: NoticeWorker | null;
  /** Writes "due tomorrow" notices and daily digests on time; runs with the worker. */
  scheduler: NoticeScheduler | null;
  /** Lists closed families past the authority's retention rule for review; always runs. */
  retention: RetentionScheduler;
  /** Listens and answers the port (0 picks a free one); starts the outbox worker. */
  listen(port: number, host: string): Promise<number>;
  /** Stops the outbox worker (the notices in hand finished), closes realtime (every update stored), then the HTTP server. */
  close(): Promise<void>;
}

/**
 * One process, one port: the API under /api, realtime upgrades at /yjs and
 * /socket.io, the web client everywhere else. `main.ts` runs exactly this.
 */
export function createServer(deps: ServerDeps): TeamaroundServer {
  const { config } = deps;
  const api = createApi({
    db: deps.db,
    config,
    logger: deps.logger,
    throttle: deps.throttle,
    events: deps.events,
    now: deps.now,
  });
  const web = createWebApp(config.webDist);
  // The bindings (`env`) carry the Node socket: the API reads the client's address from it.
  const server = createHttpServer(
    getRequestListener((request: Request, env: unknown) =>
      new URL(request.url).pathname.startsWith("/api")
        ? api.fetch(request, env)
        : web.fetch(request, env),
    ),
  );
  const realtime = createRealtime({
    db: deps.db,
    logger: deps.logger,
    config: {
      publicOrigin: config.publicOrigin,
      sessionPolicy: config.sessionPolicy,
      ...(config.accessRecheckMs !== undefined ? { accessRecheckMs: config.accessRecheckMs } : {}),
      ...(config.redis ? { redis: config.redis } : {}),
      ...(config.ice ? { ice: config.ice } : {}),
      ...(config.trustedProxies ? { trustedProxies: config.trustedProxies } : {}),
    },
    now: deps.now,
    events: deps.events,
  });
  realtime.attach(server);
  const notices = config.notices
    ? createNoticeWorker({
        db: deps.db,
        transport: createNoticeTransport(config.notices, deps.db),
        logger: deps.logger,
        publicOrigin: config.publicOrigin,
        now: deps.now,
        // Open pages of the people told hear their new unread count.
        onInAppDelivered: (userIds) =>
          deps.events.publish({ type: "notifications.changed", userIds }),
      })
    : null;
  const scheduler = notices
    ? createNoticeScheduler({
        db: deps.db,
        logger: deps.logger,
        now: deps.now,
        onEnqueued: () => notices.wake(),
      })
    : null;
  const retention = createRetentionScheduler({
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
  });
  return {
    server,
    realtime,
    notices,
    scheduler,
    retention,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          notices?.start();
          scheduler?.start();
          retention.start();
          resolve((server.address() as AddressInfo).port);
        });
      }),
    async close() {
      await scheduler?.stop();
      await retention.stop();
      await notices?.stop();
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
