import { randomUUID } from "node:crypto";
import type { EventBus, RealtimeEvent } from "../event-bus";
import { createLocalEventBus } from "../local-event-bus";

/**
 * Redis tests follow one rule across the repository: they run when
 * `REDIS_URL` is set and are skipped otherwise —
 * `describe.skipIf(!process.env.REDIS_URL)` — never by probing a port, so a
 * Redis that happens to run locally does not change what a test run means.
 */
export function redisUrlForTests(): string {
  return process.env.REDIS_URL ?? "";
}

/** A prefix no other test run uses, so parallel runs on one Redis never hear each other. */
export function uniquePrefix(what: string): string {
  return `teamaround-test:${what}:${randomUUID()}:`;
}

/** A local bus that also keeps what was published, for assertions. */
export function createRecordingEventBus(): EventBus & { events: RealtimeEvent[] } {
  const bus = createLocalEventBus();
  const events: RealtimeEvent[] = [];
  bus.subscribe((event) => {
    events.push(event);
  });
  return { ...bus, events };
}

/** A bus that loses every event, as a Redis outage would. */
export function createDroppingEventBus(): EventBus {
  return {
    publish: async () => {},
    subscribe: () => () => {},
    close: async () => {},
  };
}
