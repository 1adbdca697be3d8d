import { randomUUID } from "node:crypto";
import { Socket } from "node:net";
import type { EventBus, RealtimeEvent } from "../event-bus";
import { createLocalEventBus } from "../local-event-bus";

const localRedis = { host: "127.0.0.1", port: 6379 };

/** Whether something accepts TCP connections there, within a short timeout. */
export function answers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.connect(port, host);
  });
}

/**
 * The Redis for tests: REDIS_URL when set, else 127.0.0.1:6379 when it
 * answers, else null (and the caller skips, saying why).
 */
export async function redisUrlForTests(): Promise<string | null> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  return (await answers(localRedis.host, localRedis.port))
    ? `redis://${localRedis.host}:${localRedis.port}`
    : null;
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
