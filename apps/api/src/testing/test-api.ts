import {
  createSession,
  createSignInThrottle,
  defaultSessionPolicy,
  sessionCookieName,
} from "@teamaround/auth";
import type { DatabaseHandle } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import type { RealtimeEvent } from "@teamaround/domain";
import { createRecordingEventBus } from "@teamaround/events/testing";
import pino, { type Logger } from "pino";
import type { ApiApp, ApiConfig, ApiDeps } from "../app-env";
import { createApi } from "../create-api";

export const testOrigin = "http://teamaround.test";

export interface TestApi {
  app: ApiApp;
  deps: ApiDeps;
  handle: DatabaseHandle;
  /** Moves the API's clock; sessions and due dates follow it. */
  clock: { now: Date };
  /** Every event the API published, in order (a local bus the tests can read). */
  events: RealtimeEvent[];
  close(): Promise<void>;
}

/**
 * The real API over the run's migrated test database, with a movable clock.
 * `isolatedDatabase`: a database of its own on PostgreSQL too, for files that
 * assert nothing in the whole database changed.
 */
export async function startTestApi(
  options: { logger?: Logger; isolatedDatabase?: boolean; config?: Partial<ApiConfig> } = {},
): Promise<TestApi> {
  const handle = await openTestDatabase({ isolated: options.isolatedDatabase ?? false });
  const clock = { now: new Date() };
  const events = createRecordingEventBus();
  const deps: ApiDeps = {
    db: handle.db,
    config: {
      publicOrigin: testOrigin,
      nodeEnv: "test",
      sessionPolicy: defaultSessionPolicy,
      maxBodyBytes: 64 * 1024,
      ...options.config,
    },
    logger: options.logger ?? pino({ level: "silent" }),
    throttle: createSignInThrottle({}),
    events,
    now: () => clock.now,
  };
  return {
    app: createApi(deps),
    deps,
    handle,
    clock,
    events: events.events,
    close: () => handle.close(),
  };
}

/** A signed-in session for a user, made the way sign-in makes one. */
export async function sessionCookieFor(api: TestApi, userId: string): Promise<string> {
  const { token } = await createSession(
    api.deps.db,
    userId,
    { ipAddress: "127.0.0.1", userAgent: "vitest", twoFactorVerified: true },
    api.deps.config.sessionPolicy,
    api.clock.now,
  );
  return `${sessionCookieName}=${token}`;
}

export interface CallOptions {
  cookie?: string;
  body?: unknown;
  /** Raw body text, sent as-is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls the API as a browser on our origin would: Origin and JSON content type on writes. */
export async function call(api: TestApi, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { origin: testOrigin, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (method !== "GET" && method !== "HEAD") {
    headers["content-type"] ??= "application/json";
    body = options.rawBody ?? JSON.stringify(options.body ?? {});
  }
  const response = await api.app.request(path, { method, headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
  return { status: response.status, headers: response.headers, json: json as any };
}
