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
  const adapter = createAdapter(adapterPublisher, adapterSubscriber, { key: `${prefix}socket.io` });
  return {
    relay,
    adapter,
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
