import { redisUrlForTests, uniquePrefix } from "@teamaround/events/testing";
import { Redis } from "ioredis";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../testing/test-realtime";
import { createRedisRelay } from "./redis-relay";
import type { DocumentRelay, RelayReceiver } from "./relay";

interface Heard {
  updates: Uint8Array[];
  awareness: Uint8Array[];
  resyncs: number;
}

function listener(): RelayReceiver & { heard: Heard } {
  const heard: Heard = { updates: [], awareness: [], resyncs: 0 };
  return {
    heard,
    update: (u) => void heard.updates.push(u),
    awareness: (u) => void heard.awareness.push(u),
    resync: () => void heard.resyncs++,
  };
}

describe.skipIf(!process.env.REDIS_URL)("Redis document relay", () => {
  const url = redisUrlForTests();
  const clients: Redis[] = [];
  const relays: DocumentRelay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    for (const client of clients.splice(0)) client.disconnect();
  });

  function node(prefix: string) {
    const publisher = new Redis(url, { maxRetriesPerRequest: 1 });
    const subscriber = new Redis(url, { enableReadyCheck: false });
    clients.push(publisher, subscriber);
    const relay = createRedisRelay({
      publisher,
      subscriber,
      prefix,
      logger: pino({ level: "silent" }),
    });
    relays.push(relay);
    return { relay, subscriber };
  }

  it("relays every byte value to other nodes, never back to the sender", async () => {
    const prefix = uniquePrefix("relay");
    const a = node(prefix);
    const b = node(prefix);
    const onA = listener();
    const onB = listener();
    await a.relay.join("plan:x", onA);
    await b.relay.join("plan:x", onB);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    a.relay.publishUpdate("plan:x", bytes);
    a.relay.publishAwareness("plan:x", bytes.slice(0, 3));
    a.relay.publishUpdate("plan:other", bytes);
    await waitFor(
      () => onB.heard.updates.length === 1 && onB.heard.awareness.length === 1,
      "relay",
    );
    expect(onB.heard.updates[0]).toEqual(bytes);
    expect(onB.heard.awareness[0]).toEqual(bytes.slice(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onA.heard.updates).toEqual([]);
    expect(onA.heard.awareness).toEqual([]);
    expect(onB.heard.updates).toHaveLength(1);
  });

  it("stops delivering after leave", async () => {
    const prefix = uniquePrefix("relay");
    const a = node(prefix);
    const b = node(prefix);
    const onB = listener();
    const leave = await b.relay.join("plan:x", onB);
    leave();
    const still = listener();
    await b.relay.join("plan:y", still);
    a.relay.publishUpdate("plan:x", new Uint8Array([1]));
    a.relay.publishUpdate("plan:y", new Uint8Array([2]));
    await waitFor(() => still.heard.updates.length === 1, "the other document");
    expect(onB.heard.updates).toEqual([]);
  });

  it("resubscribes and asks for a catch-up from storage after its connection dropped", async () => {
    const prefix = uniquePrefix("relay");
    const a = node(prefix);
    const b = node(prefix);
    const onB = listener();
    await b.relay.join("plan:x", onB);
    // Connected and subscribed: a first connection asks for no catch-up, so
    // the one awaited below can only come from the reconnection.
    a.relay.publishUpdate("plan:x", new Uint8Array([6]));
    await waitFor(() => onB.heard.updates.length === 1, "delivery before the drop");
    await new Promise((resolve) => setImmediate(resolve));
    expect(onB.heard.resyncs).toBe(0);
    b.subscriber.disconnect(true);
    await waitFor(() => onB.heard.resyncs > 0, "a resync after reconnecting");
    a.relay.publishUpdate("plan:x", new Uint8Array([7]));
    await waitFor(() => onB.heard.updates.length === 2, "delivery after reconnecting");
  });
});
