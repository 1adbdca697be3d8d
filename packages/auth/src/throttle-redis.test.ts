import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createSignInThrottle } from "./throttle";

const redisUrl = process.env.REDIS_URL;
const client = redisUrl
  ? new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  : undefined;
afterAll(() => client?.disconnect());

if (!redisUrl)
  console.info("throttle-redis: REDIS_URL is not set; the shared-store tests are skipped");

/** With Redis, every API node counts the same failures: two throttles share one store. */
describe.skipIf(!process.env.REDIS_URL)("sign-in throttle on Redis", () => {
  it("blocks the sixth attempt even when the failures were recorded by another node", async () => {
    const keyPrefix = `teamaround-test-${randomUUID()}`;
    const nodeA = createSignInThrottle({ redis: client, keyPrefix });
    const nodeB = createSignInThrottle({ redis: client, keyPrefix });
    const account = `someone.${randomUUID()}@example.test`;
    for (let n = 0; n < 5; n++) await nodeA.recordFailure(account, "203.0.113.9");
    const sixth = await nodeB.check(account, "203.0.113.9");
    expect(sixth.allowed).toBe(false);
    // Another address is not locked out of the same account.
    expect((await nodeB.check(account, "203.0.113.10")).allowed).toBe(true);
    await nodeB.recordSuccess(account, "203.0.113.9");
    expect((await nodeA.check(account, "203.0.113.9")).allowed).toBe(true);
  });
});
