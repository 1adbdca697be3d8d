export { createEventBus } from "./create-event-bus";
export type { EventBus, EventBusLogger, EventHandler, RealtimeEvent } from "./event-bus";
export { createLocalEventBus } from "./local-event-bus";
export {
  createRedisEventBus,
  defaultEventChannel,
  type RedisEventBus,
  type RedisEventBusOptions,
} from "./redis-event-bus";
