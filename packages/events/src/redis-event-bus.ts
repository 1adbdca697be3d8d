import { Redis } from "ioredis";
import {
  deliver,
  type EventBus,
  type EventBusLogger,
  type EventHandler,
  parseEvent,
  silentLogger,
} from "./event-bus";

export const defaultEventChannel = "teamaround:events";

export interface RedisEventBusOptions {
  url: string;
  /** One channel carries every event; tests give each run its own. */
  channel?: string;
  logger?: EventBusLogger;
}

export interface RedisEventBus extends EventBus {
  /** Resolves once this bus receives events (its subscription is in place). */
  ready: Promise<void>;
}

/**
 * Events through Redis pub/sub, as JSON on one channel: every process that
 * subscribes (this one included) receives every event. A message that is not
 * valid JSON or not a valid event is logged and dropped — it is input from
 * the network. Publishing hands the event to the connection and returns: a
 * request never waits on Redis. While connecting, events queue; through an
 * outage they fail after one reconnection attempt and are logged (the
 * realtime re-check covers a lost event).
 */
export function createRedisEventBus(options: RedisEventBusOptions): RedisEventBus {
  const channel = options.channel ?? defaultEventChannel;
  const logger = options.logger ?? silentLogger;
  const handlers = new Set<EventHandler>();
  const publisher = new Redis(options.url, { maxRetriesPerRequest: 1 });
  // No ready check: ioredis's INFO fails on a connection that subscribed while connecting.
  const subscriber = new Redis(options.url, { enableReadyCheck: false });
  for (const client of [publisher, subscriber]) {
    client.on("error", (error: Error) => logger.warn({ err: error }, "event bus: Redis error"));
  }
  subscriber.on("message", (from: string, text: string) => {
    if (from !== channel) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      logger.warn({ channel, bytes: text.length }, "dropped an event that is not JSON");
      return;
    }
    const event = parseEvent(value, logger);
    if (event) deliver([...handlers], event, logger);
  });
  const ready = subscriber.subscribe(channel).then(() => undefined);
  ready.catch((error: unknown) => logger.error({ err: error }, "event bus: could not subscribe"));
  return {
    ready,
    async publish(event) {
      const parsed = parseEvent(event, logger);
      if (!parsed) return;
      publisher.publish(channel, JSON.stringify(parsed)).catch((error: unknown) => {
        logger.error({ err: error, event: parsed.type }, "event bus: could not publish an event");
      });
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
