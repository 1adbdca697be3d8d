import { createSignInThrottle, defaultSessionPolicy } from "@teamaround/auth";
import type { NoticeSettings } from "@teamaround/config";
import type { DatabaseHandle } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { createLocalEventBus, type EventBus } from "@teamaround/events";
import type { ScaleOutConfig } from "@teamaround/realtime";
import { testOrigin } from "@teamaround/realtime/testing";
import pino from "pino";
import { createServer, type TeamaroundServer } from "../create-server";

export interface TestServer {
  teamaround: TeamaroundServer;
  handle: DatabaseHandle;
  /** `http://127.0.0.1:<port>`: the API, the web client, and Socket.io. */
  url: string;
  /** `ws://127.0.0.1:<port>/yjs`: the y-websocket provider appends `/<document name>`. */
  yjsUrl: string;
  close(): Promise<void>;
}

/**
 * The composed server `main.ts` runs, on port 0 over the run's test database:
 * the real API, realtime and web app behind one HTTP server.
 */
export async function startTestServer(
  options: {
    events?: EventBus;
    accessRecheckMs?: number;
    redis?: ScaleOutConfig;
    /** Runs the outbox worker with these settings (none: notices stay pending). */
    notices?: NoticeSettings;
    /** A database of its own (PostgreSQL too), for a worker that claims every due notice. */
    isolatedDatabase?: boolean;
  } = {},
): Promise<TestServer> {
  const handle = await openTestDatabase({ isolated: options.isolatedDatabase ?? false });
  const events = options.events ?? createLocalEventBus();
  const teamaround = createServer({
    db: handle.db,
    logger: pino({ level: "silent" }),
    config: {
      publicOrigin: testOrigin,
      nodeEnv: "test",
      sessionPolicy: defaultSessionPolicy,
      maxBodyBytes: 64 * 1024,
      webDist: "/nonexistent/web/dist",
      ...(options.accessRecheckMs !== undefined
        ? { accessRecheckMs: options.accessRecheckMs }
        : {}),
      ...(options.redis ? { redis: options.redis } : {}),
      ...(options.notices
        ? { notices: options.notices, noticeTransport: options.notices.transport }
        : {}),
    },
    throttle: createSignInThrottle({}),
    events,
    now: () => new Date(),
  });
  const port = await teamaround.listen(0, "127.0.0.1");
  return {
    teamaround,
    handle,
    url: `http://127.0.0.1:${port}`,
    yjsUrl: `ws://127.0.0.1:${port}/yjs`,
    async close() {
      await teamaround.close();
      await events.close();
      await handle.close();
    },
  };
}

/** Calls the API over HTTP as a browser on our origin would. */
export async function http(
  server: TestServer,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { origin: testOrigin };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (method !== "GET") {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body ?? {});
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}
