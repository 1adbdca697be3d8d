import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accountThrottleKey, createSignInThrottle, ipThrottleKey } from "./throttle";

const email = () => `someone.${randomUUID()}@example.test`;
let ipCounter = 0;
const ip = () => `198.51.100.${++ipCounter % 250}`;

async function fail(
  throttle: ReturnType<typeof createSignInThrottle>,
  times: number,
  e: string,
  i: string,
) {
  for (let n = 0; n < times; n++) await throttle.recordFailure(e, i);
}

describe("createSignInThrottle", () => {
  it("allows five failures on an account and blocks the sixth attempt", async () => {
    const throttle = createSignInThrottle();
    const account = email();
    for (let n = 0; n < 5; n++) {
      expect(await throttle.check(account, ip())).toEqual({ allowed: true });
      await throttle.recordFailure(account, ip());
    }
    const sixth = await throttle.check(account, ip());
    expect(sixth.allowed).toBe(false);
    expect(sixth.allowed ? 0 : sixth.retryAfterSec).toBeGreaterThan(0);
    expect(sixth.allowed ? 0 : sixth.retryAfterSec).toBeLessThanOrEqual(15 * 60);
  });

  it("keys the account by the lower-cased address, known or not", async () => {
    const throttle = createSignInThrottle();
    const account = email();
    await fail(throttle, 5, account.toUpperCase(), ip());
    expect((await throttle.check(` ${account} `, ip())).allowed).toBe(false);
  });

  it("does not let one account's failures block another", async () => {
    const throttle = createSignInThrottle();
    const address = ip();
    await fail(throttle, 5, email(), address);
    expect(await throttle.check(email(), address)).toEqual({ allowed: true });
  });

  it("blocks an address after 50 failures across many accounts", async () => {
    const throttle = createSignInThrottle();
    const address = "203.0.113.7";
    for (let n = 0; n < 50; n++) await throttle.recordFailure(email(), address);
    const blocked = await throttle.check(email(), address);
    expect(blocked.allowed).toBe(false);
    expect(await throttle.check(email(), "203.0.113.8")).toEqual({ allowed: true });
  });

  it("honours custom limits", async () => {
    const throttle = createSignInThrottle({
      perAccount: { points: 2, durationSec: 60 },
      perIp: { points: 3, durationSec: 60 },
    });
    const account = email();
    await fail(throttle, 2, account, ip());
    const blocked = await throttle.check(account, ip());
    expect(blocked.allowed ? 0 : blocked.retryAfterSec).toBeLessThanOrEqual(60);
    expect(blocked.allowed).toBe(false);
  });

  it("resets the account count on success", async () => {
    const throttle = createSignInThrottle();
    const account = email();
    await fail(throttle, 4, account, ip());
    await throttle.recordSuccess(account);
    await fail(throttle, 4, account, ip());
    expect(await throttle.check(account, ip())).toEqual({ allowed: true });
  });

  it("keeps failures past the limit without throwing", async () => {
    const throttle = createSignInThrottle();
    const account = email();
    await expect(fail(throttle, 8, account, ip())).resolves.toBeUndefined();
    expect((await throttle.check(account, ip())).allowed).toBe(false);
  });

  it("keeps separate throttles separate", async () => {
    const account = email();
    await fail(createSignInThrottle(), 5, account, ip());
    expect(await createSignInThrottle().check(account, ip())).toEqual({ allowed: true });
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
