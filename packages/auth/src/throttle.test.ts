import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountThrottleKey,
  createSignInThrottle,
  ipThrottleKey,
  type SignInThrottleOptions,
} from "./throttle";

let handle: DatabaseHandle;
const redisUrl = process.env.REDIS_URL;
const redis = redisUrl
  ? new Redis(redisUrl, { enableOfflineQueue: false, lazyConnect: true })
  : undefined;
beforeAll(async () => {
  handle = await openTestDatabase();
  await redis?.connect();
});
afterAll(async () => {
  redis?.disconnect();
  await handle.close();
});

const email = () => `someone.${randomUUID()}@example.test`;
let ipCounter = 0;
const ip = () => `198.51.100.${++ipCounter % 250}`;

async function fail(
  throttle: ReturnType<typeof createSignInThrottle>,
  times: number,
  e: string,
  i: string | (() => string),
) {
  for (let n = 0; n < times; n++) await throttle.recordFailure(e, typeof i === "string" ? i : i());
}

/** In memory (tests, one process), in the database (no Redis) and in Redis: the same rules. */
const stores: [string, () => SignInThrottleOptions][] = [
  ["memory", () => ({})],
  ["database", () => ({ db: handle.db })],
  ...(redis ? [["redis", () => ({ redis })] as [string, () => SignInThrottleOptions]] : []),
];

describe.each(stores)("createSignInThrottle (%s)", (_, store) => {
  // A fresh key prefix per throttle, so the shared database never carries counts between tests.
  const throttleFor = (extra: SignInThrottleOptions = {}) =>
    createSignInThrottle({ keyPrefix: `test-${randomUUID()}`, ...store(), ...extra });

  it("allows five failures from one address and blocks the sixth attempt from it", async () => {
    const throttle = throttleFor();
    const account = email();
    const address = ip();
    for (let n = 0; n < 5; n++) {
      expect(await throttle.check(account, address)).toEqual({ allowed: true });
      await throttle.recordFailure(account, address);
    }
    const sixth = await throttle.check(account, address);
    expect(sixth.allowed).toBe(false);
    expect(sixth.allowed ? 0 : sixth.retryAfterSec).toBeGreaterThan(0);
    expect(sixth.allowed ? 0 : sixth.retryAfterSec).toBeLessThanOrEqual(15 * 60);
  });

  it("does not lock the account from another address: no lock-out as a weapon", async () => {
    const throttle = throttleFor();
    const account = email();
    await fail(throttle, 10, account, "203.0.113.66");
    expect((await throttle.check(account, "203.0.113.66")).allowed).toBe(false);
    expect(await throttle.check(account, "192.0.2.10")).toEqual({ allowed: true });
  });

  it("locks the account everywhere after 50 failures from many addresses in a day", async () => {
    const throttle = throttleFor({ perIp: { points: 1000, durationSec: 60 } });
    const account = email();
    await fail(throttle, 49, account, ip);
    expect(await throttle.check(account, "192.0.2.99")).toEqual({ allowed: true });
    await fail(throttle, 1, account, ip);
    const blocked = await throttle.check(account, "192.0.2.99");
    expect(blocked.allowed).toBe(false);
    expect(blocked.allowed ? 0 : blocked.retryAfterSec).toBeGreaterThan(15 * 60);
    expect(blocked.allowed ? 0 : blocked.retryAfterSec).toBeLessThanOrEqual(24 * 60 * 60);
  });

  it("keys the account by the lower-cased address, known or not", async () => {
    const throttle = throttleFor();
    const account = email();
    const address = ip();
    await fail(throttle, 5, account.toUpperCase(), address);
    expect((await throttle.check(` ${account} `, address)).allowed).toBe(false);
  });

  it("does not let one account's failures block another", async () => {
    const throttle = throttleFor();
    const address = ip();
    await fail(throttle, 5, email(), address);
    expect(await throttle.check(email(), address)).toEqual({ allowed: true });
  });

  it("blocks an address after 50 failures across many accounts", async () => {
    const throttle = throttleFor();
    const address = "203.0.113.7";
    for (let n = 0; n < 50; n++) await throttle.recordFailure(email(), address);
    expect((await throttle.check(email(), address)).allowed).toBe(false);
    expect(await throttle.check(email(), "203.0.113.8")).toEqual({ allowed: true });
  });

  it("honours custom limits", async () => {
    const throttle = throttleFor({
      perAccountAndIp: { points: 2, durationSec: 60 },
      perAccount: { points: 3, durationSec: 120 },
    });
    const account = email();
    const address = ip();
    await fail(throttle, 2, account, address);
    const blocked = await throttle.check(account, address);
    expect(blocked.allowed).toBe(false);
    expect(blocked.allowed ? 0 : blocked.retryAfterSec).toBeLessThanOrEqual(60);
    expect((await throttle.check(account, ip())).allowed).toBe(true);
    await fail(throttle, 1, account, ip());
    expect((await throttle.check(account, ip())).allowed).toBe(false);
  });

  it("resets the pair's and the account's counts on success", async () => {
    const throttle = throttleFor({ perAccount: { points: 6, durationSec: 60 } });
    const account = email();
    const address = ip();
    await fail(throttle, 4, account, address);
    await throttle.recordSuccess(account, address);
    await fail(throttle, 4, account, address);
    expect(await throttle.check(account, address)).toEqual({ allowed: true });
  });

  it("keeps failures past the limit without throwing", async () => {
    const throttle = throttleFor();
    const account = email();
    const address = ip();
    await expect(fail(throttle, 8, account, address)).resolves.toBeUndefined();
    expect((await throttle.check(account, address)).allowed).toBe(false);
  });
});

describe("counters in the database", () => {
  it("survive re-creating the throttle over the same database (a restart)", async () => {
    const keyPrefix = `test-${randomUUID()}`;
    const account = email();
    await fail(createSignInThrottle({ keyPrefix, db: handle.db }), 5, account, "192.0.2.50");
    const afterRestart = createSignInThrottle({ keyPrefix, db: handle.db });
    expect((await afterRestart.check(account, "192.0.2.50")).allowed).toBe(false);
  });

  it("are not shared by throttles in memory", async () => {
    const account = email();
    await fail(createSignInThrottle(), 5, account, "192.0.2.51");
    expect(await createSignInThrottle().check(account, "192.0.2.51")).toEqual({ allowed: true });
  });
});

describe("counters in Redis", () => {
  it("still count in the process while Redis cannot answer, rather than failing sign-in", async () => {
    // Nothing listens on port 1; with no offline queue every command fails at once.
    const unreachable = new Redis("redis://127.0.0.1:1", {
      enableOfflineQueue: false,
      lazyConnect: true,
    });
    unreachable.on("error", () => {});
    const throttle = createSignInThrottle({
      keyPrefix: `test-${randomUUID()}`,
      redis: unreachable,
    });
    const account = email();
    expect(await throttle.check(account, "192.0.2.60")).toEqual({ allowed: true });
    await fail(throttle, 5, account, "192.0.2.60");
    expect((await throttle.check(account, "192.0.2.60")).allowed).toBe(false);
    await throttle.recordSuccess(account, "192.0.2.60");
    expect(await throttle.check(account, "192.0.2.60")).toEqual({ allowed: true });
    unreachable.disconnect();
  });
});

describe("throttle keys", () => {
  it("lower-cases and trims emails", () => {
    expect(accountThrottleKey("  Sam.Jones@Example.TEST ")).toBe("sam.jones@example.test");
  });

  it("keeps IPv4 addresses whole", () => {
    expect(ipThrottleKey("192.0.2.10")).toBe("192.0.2.10");
    expect(ipThrottleKey("::ffff:192.0.2.10")).toBe("192.0.2.10");
  });

  it("groups IPv6 addresses by /64", () => {
    const a = ipThrottleKey("2001:db8:aaaa:bbbb:1:2:3:4");
    expect(a).toBe("2001:db8:aaaa:bbbb::/64");
    expect(ipThrottleKey("2001:0db8:aaaa:bbbb:ffff::1")).toBe(a);
    expect(ipThrottleKey("2001:DB8:AAAA:BBBB::")).toBe(a);
    expect(ipThrottleKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipThrottleKey("::1")).toBe("0:0:0:0::/64");
    expect(ipThrottleKey("2001:db8:aaaa:bbbc::1")).not.toBe(a);
  });

  it("throttles a whole IPv6 /64 together", async () => {
    const throttle = createSignInThrottle({ perIp: { points: 3, durationSec: 60 } });
    await fail(throttle, 1, email(), "2001:db8:1:2::a");
    await fail(throttle, 1, email(), "2001:db8:1:2::b");
    await fail(throttle, 1, email(), "2001:db8:1:2:ffff::c");
    expect((await throttle.check(email(), "2001:db8:1:2::d")).allowed).toBe(false);
    expect((await throttle.check(email(), "2001:db8:1:3::d")).allowed).toBe(true);
  });
});
