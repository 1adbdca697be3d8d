import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { type ApiConfig, createApi } from "@teamaround/api";
import type { SignInThrottle } from "@teamaround/auth";
import type { Database } from "@teamaround/db";
import type { EventBus } from "@teamaround/events";
import { createRealtime, type Realtime, type RealtimeConfig } from "@teamaround/realtime";
import type { Logger } from "pino";
import { createWebApp } from "./web-app";

export interface ServerDeps {
  db: Database;
  logger: Logger;
  config: ApiConfig & {
    /** The built web client (`apps/web/dist`). */
    webDist: string;
    accessRecheckMs?: RealtimeConfig["accessRecheckMs"];
    redis?: RealtimeConfig["redis"];
  };
  throttle: SignInThrottle;
  /** Carries the API's announcements to realtime (in process, or Redis shared with other nodes). */
  events: EventBus;
  now: () => Date;
}

export interface TeamaroundServer {
  server: Server;
  realtime: Realtime;
  /** Listens and answers the port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /** Closes realtime (every update stored), then the HTTP server. */
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
    },
    now: deps.now,
    events: deps.events,
  });
  realtime.attach(server);
  return {
    server,
    realtime,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    async close() {
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
