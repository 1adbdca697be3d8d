import { isIPv6 } from "node:net";
import { type Executor, rateLimitCounters } from "@teamaround/db";
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";

/** The part of an ioredis client rate-limiter-flexible relies on. */
export interface RedisClientLike {
  defineCommand(name: string, definition: { numberOfKeys?: number; lua: string }): void;
}

export interface ThrottleLimit {
  /** Failures allowed within the window. */
  points: number;
  durationSec: number;
}

export interface SignInThrottleOptions {
  /** Shares counts between API instances (used when REDIS_URL is set). */
  redis?: RedisClientLike;
  /** Without Redis: counts kept in `rate_limit_counters`, so a restart keeps them. */
  db?: Executor;
  /** Failures for one account from one address: locks that pair only. */
  perAccountAndIp?: ThrottleLimit;
  /** Failures for one account from anywhere: a slower limit, so many addresses cannot guess on. */
  perAccount?: ThrottleLimit;
  /** Failures from one address for any account. */
  perIp?: ThrottleLimit;
  keyPrefix?: string;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

export interface SignInThrottle {
  /** Call before checking credentials. */
  check(email: string, ip: string): Promise<ThrottleDecision>;
  recordFailure(email: string, ip: string): Promise<void>;
  /** Clears the counts a success makes pointless: this pair's and the account's. */
  recordSuccess(email: string, ip: string): Promise<void>;
}

/**
 * OWASP's advice against lock-out as a weapon: a wrong password locks only the
 * address it came from out of that account; the account as a whole has a far
 * higher daily limit, so someone elsewhere cannot lock a worker out before a
 * meeting with a handful of tries.
 */
export const defaultThrottleLimits = {
  perAccountAndIp: { points: 5, durationSec: 15 * 60 },
  perAccount: { points: 50, durationSec: 24 * 60 * 60 },
  perIp: { points: 50, durationSec: 15 * 60 },
} satisfies Record<string, ThrottleLimit>;

/**
 * Keyed by the address typed, whether or not an account has it, so unknown
 * and known emails are throttled alike.
 */
export function accountThrottleKey(email: string): string {
  return email.trim().toLowerCase();
}

/** IPv6 by its /64: one subscriber usually holds a whole /64 and could rotate through it. */
export function ipThrottleKey(ip: string): string {
  const address = ip.trim().toLowerCase();
  if (!isIPv6(address)) return address;
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mappedV4?.[1]) return mappedV4[1];
  const [head = "", tail = ""] = address.split("%")[0]?.split("::") ?? [];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes("::")
    ? [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

function createLimiter(
  options: SignInThrottleOptions,
  name: string,
  limit: ThrottleLimit,
): RateLimiterAbstract {
  const common = {
    keyPrefix: `${options.keyPrefix ?? "signin"}:${name}`,
    points: limit.points,
    duration: limit.durationSec,
  };
  // While Redis cannot answer (not yet connected, restarting), this process
  // counts on its own rather than failing every sign-in with a 500.
  if (options.redis) {
    return new RateLimiterRedis({
      ...common,
      storeClient: options.redis,
      insuranceLimiter: new RateLimiterMemory(common),
    });
  }
  if (options.db) {
    return new RateLimiterDrizzle({
      ...common,
      storeClient: options.db,
      schema: rateLimitCounters,
    });
  }
  return new RateLimiterMemory(common);
}

function retryAfter(res: RateLimiterRes | null, limit: ThrottleLimit): number | null {
  if (!res || res.consumedPoints < limit.points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Over the limit the library rejects with its result object; anything else is a real error. */
async function consumeQuietly(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const limits = {
    pair: options.perAccountAndIp ?? defaultThrottleLimits.perAccountAndIp,
    account: options.perAccount ?? defaultThrottleLimits.perAccount,
    ip: options.perIp ?? defaultThrottleLimits.perIp,
  };
  const limiters = {
    pair: createLimiter(options, "pair", limits.pair),
    account: createLimiter(options, "account", limits.account),
    ip: createLimiter(options, "ip", limits.ip),
  };
  const keys = (email: string, ip: string) => {
    const account = accountThrottleKey(email);
    const address = ipThrottleKey(ip);
    return { pair: `${account}|${address}`, account, ip: address };
  };
  const names = ["pair", "account", "ip"] as const;
  return {
    async check(email, ip) {
      const key = keys(email, ip);
      const results = await Promise.all(names.map((name) => limiters[name].get(key[name])));
      const waits = names.map((name, i) => retryAfter(results[i] ?? null, limits[name]));
      const wait = Math.max(0, ...waits.filter((w): w is number => w !== null));
      return wait > 0 ? { allowed: false, retryAfterSec: wait } : { allowed: true };
    },
    async recordFailure(email, ip) {
      const key = keys(email, ip);
      await Promise.all(names.map((name) => consumeQuietly(limiters[name], key[name])));
    },
    async recordSuccess(email, ip) {
      const key = keys(email, ip);
      await Promise.all([limiters.pair.delete(key.pair), limiters.account.delete(key.account)]);
    },
  };
}
