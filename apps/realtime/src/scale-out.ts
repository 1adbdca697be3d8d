import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { createRedisRelay } from "./collab/redis-relay";
import type { DocumentRelay } from "./collab/relay";

export interface ScaleOutConfig {
  url: string;
  /** Every channel and key starts with it; tests give each run its own. Default `teamaround:`. */
  keyPrefix?: string;
}

/** What several realtime nodes share through Redis: Yjs documents and Socket.io rooms. */
export interface ScaleOut {
  relay: DocumentRelay;
  /** For `io.adapter(...)` on the meeting server. */
  adapter: ReturnType<typeof createAdapter>;
  /**
   * Waits (at most `ms`) until every connection is up. Shutting down calls it
   * before the Socket.io server closes, so the adapter's last UNSUBSCRIBEs go
   * out on a connection still coming back after an outage instead of failing
   * in its offline queue (`handleFailures` logs them if they do).
   */
  connected(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Four connections: the Yjs relay's publisher (sends wait while it connects,
 * fail after one failed reconnection: lost relays are caught up from storage)
 * and subscriber, and the Socket.io adapter's pair (whose sends wait until
 * Redis is back: the adapter does not handle failed sends).
 */
export function createRedisScaleOut(config: ScaleOutConfig, logger: Logger): ScaleOut {
  const prefix = config.keyPrefix ?? "teamaround:";
  const relayPublisher = new Redis(config.url, { maxRetriesPerRequest: 1 });
  // No ready check on subscribers: it fails on a connection that subscribed while connecting.
  const relaySubscriber = new Redis(config.url, { enableReadyCheck: false });
  const adapterPublisher = new Redis(config.url, { maxRetriesPerRequest: null });
  const adapterSubscriber = adapterPublisher.duplicate({ enableReadyCheck: false });
  const clients = [relayPublisher, relaySubscriber, adapterPublisher, adapterSubscriber];
  let lastWarning = 0;
  for (const client of clients) {
    client.on("error", (error: Error) => {
      if (Date.now() - lastWarning < 10_000) return;
      lastWarning = Date.now();
      logger.warn({ err: error }, "realtime: Redis error");
    });
  }
  const relay = createRedisRelay({
    publisher: relayPublisher,
    subscriber: relaySubscriber,
    prefix: `${prefix}yjs:`,
    logger,
  });
  for (const client of [adapterPublisher, adapterSubscriber]) {
    handleFailures(
      client,
      ["publish", "subscribe", "psubscribe", "unsubscribe", "punsubscribe"],
      logger,
    );
  }
  const adapter = createAdapter(adapterPublisher, adapterSubscriber, { key: `${prefix}socket.io` });
  return {
    relay,
    adapter,
    connected: (ms) => Promise.all(clients.map((client) => readyWithin(client, ms))).then(() => {}),
    async close() {
      await relay.close();
      // QUIT first lets commands already queued finish (a connection that is
      // reconnecting after an outage sends them once it is back); disconnect()
      // alone fails them with "Connection is closed.", and the Socket.io
      // adapter does not catch its publishes' failures.
      await Promise.all(clients.map((client) => quitWithin(client, 2000)));
      for (const client of clients) client.disconnect();
    },
  };
}

type AdapterCommand = "publish" | "subscribe" | "psubscribe" | "unsubscribe" | "punsubscribe";

/**
 * The Socket.io adapter sends these without handling failure. A command still
 * waiting in the offline queue when a connection is closed (Redis down as the
 * node shuts down) rejects with "Connection is closed.", unhandled, which
 * ends a process run with --unhandled-rejections=strict. Each command's
 * promise gets a handler that logs the failure; the adapter still gets the
 * same promise.
 */
function handleFailures(client: Redis, commands: AdapterCommand[], logger: Logger): void {
  const methods = client as unknown as Record<
    AdapterCommand,
    (...args: unknown[]) => Promise<unknown>
  >;
  for (const command of commands) {
    const send = methods[command].bind(client);
    methods[command] = (...args: unknown[]) => {
      const sent = send(...args);
      sent.catch((error: unknown) =>
        logger.debug({ err: error, command }, "realtime: a Socket.io adapter command failed"),
      );
      return sent;
    };
  }
}

function readyWithin(client: Redis, ms: number): Promise<void> {
  if (client.status === "ready" || client.status === "end") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("end", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once("ready", done);
    client.once("end", done);
  });
}

async function quitWithin(client: Redis, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([
    client.quit().then(
      () => undefined,
      () => undefined,
    ),
    timeout,
  ]);
  clearTimeout(timer);
}
