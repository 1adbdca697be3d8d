import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultSessionPolicy } from "@teamaround/auth";
import type { Database } from "@teamaround/db";
import type { AckResult, ClientToServerEvents, ServerToClientEvents } from "@teamaround/domain";
import pino from "pino";
import { io as connectSocket, type Socket } from "socket.io-client";
import { createMeetingServer, type MeetingServer } from "../meetings/create-meeting-server";
import type { MeetingServerConfig } from "../meetings/meeting-context";
import type { RateLimits } from "../meetings/rate-limit";
import { testOrigin } from "./test-realtime";

export type MeetingClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestMeetings {
  meetings: MeetingServer;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The real meeting server on port 0, attached to a plain HTTP server that also answers requests. */
export async function startTestMeetings(
  db: Database,
  rateLimits: Partial<RateLimits> = {},
  config: Pick<MeetingServerConfig, "ice"> = {},
): Promise<TestMeetings> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" }).end("http still works\n");
  });
  const meetings = createMeetingServer({
    db,
    logger: pino({ level: "silent" }),
    config: {
      publicOrigin: testOrigin,
      sessionPolicy: defaultSessionPolicy,
      rateLimits,
      ...config,
    },
    now: () => new Date(),
  });
  meetings.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    meetings,
    server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await meetings.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A socket.io client sending the headers a browser on our origin would. */
export function meetingClient(
  url: string,
  cookie: string | null,
  origin = testOrigin,
  headers: Record<string, string> = {},
): MeetingClient {
  const extraHeaders: Record<string, string> = { ...headers, origin };
  if (cookie) extraHeaders.cookie = cookie;
  const client: MeetingClient = connectSocket(url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders,
    reconnection: false,
    forceNew: true,
  });
  client.on("connect_error", (error: Error & { data?: { code?: unknown } }) => {
    refusals.set(client, { ok: false, message: error.message, code: error.data?.code });
  });
  return client;
}

type Handshake = { ok: true } | { ok: false; message: string; code: unknown };

/** Each client's last refusal, kept from the moment it is created. */
const refusals = new WeakMap<MeetingClient, Handshake>();

/**
 * Resolves once connected, or with the handshake's refusal — also when that
 * happened before this was called (a test that awaits something between
 * creating a client and asking would otherwise wait for an event already gone).
 */
export function connection(client: MeetingClient): Promise<Handshake> {
  if (client.connected) return Promise.resolve({ ok: true });
  const refused = refusals.get(client);
  if (refused && !client.active) return Promise.resolve(refused);
  return new Promise((resolve) => {
    client.once("connect", () => resolve({ ok: true }));
    client.once("connect_error", (error: Error & { data?: { code?: unknown } }) =>
      resolve({ ok: false, message: error.message, code: error.data?.code }),
    );
  });
}

/** Sends an event and resolves with its acknowledgement. */
export function send<E extends keyof ClientToServerEvents>(
  client: MeetingClient,
  event: E,
  payload: unknown,
): Promise<AckResult<unknown>> {
  // Only an ack that never comes waits this long; a busy machine can be four times slower.
  const timed = client.timeout(20_000);
  const emit = timed.emitWithAck as (
    event: string,
    payload: unknown,
  ) => Promise<AckResult<unknown>>;
  return emit.call(timed, event, payload);
}

/** Resolves with the next `event` whose payload passes `where`. */
export function next<E extends keyof ServerToClientEvents>(
  client: MeetingClient,
  event: E,
  where: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      (client.off as (e: string, l: unknown) => void)(event, listener);
      resolve(payload);
    };
    (client.on as (e: string, l: unknown) => void)(event, listener);
  });
}
