import type { DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { redisUrlForTests, uniquePrefix } from "@teamaround/events/testing";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";
import {
  type Client,
  connectClient,
  cookieFor,
  startTestRealtime,
  type TestRealtime,
  text,
  waitFor,
  write,
} from "./testing/test-realtime";

/**
 * Two nodes reach Redis through a proxy the test cuts; Redis itself, which
 * other people on the machine use, is never touched.
 */
/** Until a connection on the real Redis listens on `channel`. */
async function subscribed(channel: string): Promise<void> {
  const observer = new Redis(redisUrlForTests());
  try {
    await waitFor(async () => {
      const [, listeners] = (await observer.pubsub("NUMSUB", channel)) as [string, number];
      return Number(listeners) > 0;
    }, `a subscriber on ${channel}`);
  } finally {
    observer.disconnect();
  }
}

describe.skipIf(!process.env.REDIS_URL)("Redis lost under two realtime nodes", () => {
  let handle: DatabaseHandle;
  let proxy: TcpProxy;
  let nodes: [TestRealtime, TestRealtime];
  let redis: { url: string; keyPrefix: string };
  const clients: Client[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    const target = new URL(redisUrlForTests());
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    target.port = String(proxy.port);
    redis = { url: target.toString(), keyPrefix: uniquePrefix("redis-outage") };
    nodes = [
      await startTestRealtime(handle.db, {}, { redis, accessRecheckMs: 60_000 }),
      await startTestRealtime(handle.db, {}, { redis, accessRecheckMs: 60_000 }),
    ];
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
    proxy.restore();
  });
  afterAll(async () => {
    // One after the other: a node closing while the other's Redis clients are
    // already gone would have its leave messages answered on a closed connection.
    for (const node of nodes) await node.close();
    await proxy.close();
    await handle.close();
  });

  it("each node serves its own clients meanwhile; relay resumes and catches up from storage", async () => {
    const s = await buildScenario(handle.db);
    const name = `plan:${s.family.id}`;
    const open = async (node: TestRealtime, userId: string) => {
      const client = connectClient(node.url, name, await cookieFor(handle.db, userId));
      clients.push(client);
      return client;
    };
    const [a1, a2] = [
      await open(nodes[0], s.users.lead.id),
      await open(nodes[0], s.users.manager.id),
    ];
    const [b1, b2] = [
      await open(nodes[1], s.users.teamMember.id),
      await open(nodes[1], s.users.manager.id),
    ];
    await Promise.all([a1, a2, b1, b2].map((client) => client.synced));
    write(a1, 0, "Start. ");
    await waitFor(() => text(b2) === "Start. ", "a relay across nodes before the fault");

    proxy.cut();
    // Typed on both nodes while they cannot hear each other: each node's own clients still get it.
    for (let i = 0; i < 10; i++) {
      write(a1, "end", "x");
      write(b1, "end", "y");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const count = (client: Client, letter: string) => text(client).split(letter).length - 1;
    await waitFor(() => count(a2, "x") === 10, "node A's clients to share their edits");
    await waitFor(() => count(b2, "y") === 10, "node B's clients to share their edits");

    proxy.restore();
    // Nothing is re-sent by the clients: the nodes catch each other up from storage.
    const everything = (client: Client) => count(client, "x") === 10 && count(client, "y") === 10;
    await waitFor(() => [a1, a2, b1, b2].every(everything), "both nodes to catch up", 60_000).catch(
      (error: unknown) => {
        const held = [a1, a2, b1, b2].map((c) => `${count(c, "x")}x/${count(c, "y")}y`).join(" ");
        throw new Error(`${String(error)}: clients hold ${held}`);
      },
    );
    expect(new Set([a1, a2, b1, b2].map((client) => text(client))).size).toBe(1);

    // And live relay works again.
    write(b1, "end", " After.");
    await waitFor(() => text(a2).endsWith(" After."), "a relay across nodes after the fault");
  }, 120_000);

  it("a node shut down while Redis does not answer stops, leaving no failure unhandled", async () => {
    const unhandled: unknown[] = [];
    const collect = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", collect);
    try {
      const node = await startTestRealtime(handle.db, {}, { redis, accessRecheckMs: 60_000 });
      // Connected, then a partition: its Socket.io adapter unsubscribes as it
      // closes, the answers never come, and the commands fail when the node
      // gives up on the connection.
      await subscribed(`${redis.keyPrefix}socket.io-request#/#`);
      proxy.stall();
      await node.close();
      // The closed connections end once the partition heals; any failure left is reported then.
      proxy.restore();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(unhandled.map(String)).toEqual([]);
    } finally {
      process.off("unhandledRejection", collect);
    }
  }, 60_000);
});
