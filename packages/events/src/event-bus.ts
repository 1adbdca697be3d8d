import { RealtimeEvent } from "@teamaround/domain";

export type { RealtimeEvent };

export type EventHandler = (event: RealtimeEvent) => void | Promise<void>;

/** The part of a pino logger the buses use. */
export interface EventBusLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * How the API tells realtime nodes that something changed. Events can be
 * lost (a Redis blip): realtime re-checks every connection periodically, so
 * an event only makes a revocation faster, never possible.
 */
export interface EventBus {
  /**
   * Sends the event to every subscriber, in every process that shares the bus.
   * Never rejects: an invalid event or a failed send is logged and dropped.
   */
  publish(event: RealtimeEvent): Promise<void>;
  /** Calls `handler` with every valid event; returns the unsubscribe. */
  subscribe(handler: EventHandler): () => void;
  close(): Promise<void>;
}

export const silentLogger: EventBusLogger = { warn: () => {}, error: () => {} };

/** Parses an event; null (and a log line naming why) when it is not one. */
export function parseEvent(value: unknown, logger: EventBusLogger): RealtimeEvent | null {
  const parsed = RealtimeEvent.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  logger.warn({ issues }, "dropped an invalid event");
  return null;
}

/** Calls every handler; one that throws or rejects is logged and harms no other. */
export function deliver(
  handlers: Iterable<EventHandler>,
  event: RealtimeEvent,
  logger: EventBusLogger,
): void {
  const failed = (error: unknown) =>
    logger.error({ err: error, event: event.type }, "an event handler failed");
  for (const handler of handlers) {
    try {
      const result = handler(event);
      if (result instanceof Promise) result.catch(failed);
    } catch (error) {
      failed(error);
    }
  }
}
