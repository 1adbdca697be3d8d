import {
  deliver,
  type EventBus,
  type EventBusLogger,
  type EventHandler,
  parseEvent,
  silentLogger,
} from "./event-bus";

/** One process, no Redis: events go straight to this process's subscribers. */
export function createLocalEventBus(options: { logger?: EventBusLogger } = {}): EventBus {
  const logger = options.logger ?? silentLogger;
  const handlers = new Set<EventHandler>();
  return {
    async publish(event) {
      const parsed = parseEvent(event, logger);
      if (parsed) deliver([...handlers], parsed, logger);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
    },
  };
}
