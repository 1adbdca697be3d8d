import type { RealtimeEvent } from "@teamaround/domain";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisEventBus, type RedisEventBus } from "./redis-event-bus";
import { redisUrlForTests, uniquePrefix } from "./testing";

const familyId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const userId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";
const revoked: RealtimeEvent = {
  type: "access.revoked",
  familyId,
  userIds: [userId],
  reason: "Consent to share with your agency was withdrawn.",
};

function waitForEvents(list: unknown[], count: number, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (list.length >= count) resolve();
      else if (Date.now() > deadline)
        reject(new Error(`expected ${count} events, saw ${list.length}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe.skipIf(!process.env.REDIS_URL)("Redis event bus", () => {
  const url = redisUrlForTests();
  const opened: RedisEventBus[] = [];
  const open = (channel: string, logger?: { warn: () => void; error: () => void }) => {
    const bus = createRedisEventBus({ url, channel, ...(logger ? { logger } : {}) });
    opened.push(bus);
    return bus;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((bus) => bus.close()));
  });

  it("delivers what one instance publishes to another (and to itself)", async () => {
    const channel = uniquePrefix("events");
    const api = open(channel);
    const realtime = open(channel);
    await Promise.all([api.ready, realtime.ready]);
    const received: RealtimeEvent[] = [];
    const echoed: RealtimeEvent[] = [];
    realtime.subscribe((e) => void received.push(e));
    api.subscribe((e) => void echoed.push(e));
    await api.publish(revoked);
    await waitForEvents(received, 1);
    await waitForEvents(echoed, 1);
    expect(received).toEqual([revoked]);
    expect(echoed).toEqual([revoked]);
  });

  it("hears nothing from another channel", async () => {
    const mine = open(uniquePrefix("events"));
    const theirs = open(uniquePrefix("events"));
    await Promise.all([mine.ready, theirs.ready]);
    const received: RealtimeEvent[] = [];
    mine.subscribe((e) => void received.push(e));
    await theirs.publish(revoked);
    await mine.publish({ ...revoked, reason: "mine" });
    await waitForEvents(received, 1);
    expect(received.map((e) => e.type === "access.revoked" && e.reason)).toEqual(["mine"]);
  });

  it("drops malformed messages and keeps listening", async () => {
    const channel = uniquePrefix("events");
    const warnings: string[] = [];
    const bus = open(channel, {
      warn: (_?: unknown, m?: unknown) => void warnings.push(String(m)),
      error: () => {},
    });
    await bus.ready;
    const received: RealtimeEvent[] = [];
    bus.subscribe((e) => void received.push(e));
    const raw = new Redis(url);
    try {
      await raw.publish(channel, "{not json");
      await raw.publish(channel, JSON.stringify({ type: "access.revoked", reason: "nobody" }));
      await raw.publish(channel, JSON.stringify({ type: "family.changed", familyId: "x" }));
      await raw.publish(channel, JSON.stringify(revoked));
    } finally {
      raw.disconnect();
    }
    await waitForEvents(received, 1);
    expect(received).toEqual([revoked]);
    expect(warnings).toEqual([
      "dropped an event that is not JSON",
      "dropped an invalid event",
      "dropped an invalid event",
    ]);
  });

  it("does not throw when publishing to a Redis that is gone", async () => {
    const errors: string[] = [];
    const bus = createRedisEventBus({
      url: "redis://127.0.0.1:1",
      channel: uniquePrefix("events"),
      logger: { warn: () => {}, error: (_: object, m: string) => void errors.push(m) },
    });
    opened.push(bus);
    await expect(bus.publish(revoked)).resolves.toBeUndefined();
    await waitForEvents(errors, 1);
    expect(errors).toContain("event bus: could not publish an event");
  });
});
