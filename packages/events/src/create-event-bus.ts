import type { EventBus, EventBusLogger } from "./event-bus";
import { createLocalEventBus } from "./local-event-bus";
import { createRedisEventBus } from "./redis-event-bus";

/** What each `main.ts` uses: Redis when REDIS_URL is set, else in-process (no connection attempted). */
export function createEventBus(options: { redisUrl?: string; logger?: EventBusLogger }): EventBus {
  const { redisUrl, logger } = options;
  if (!redisUrl) return createLocalEventBus(logger ? { logger } : {});
  return createRedisEventBus({ url: redisUrl, ...(logger ? { logger } : {}) });
}
