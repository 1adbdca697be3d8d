import { isIPv6 } from "node:net";
import {
  type RateLimiterAbstract,
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
  /** Shares counts between API instances; without it counts live in this process. */
  redis?: RedisClientLike;
  perAccount?: ThrottleLimit;
  perIp?: ThrottleLimit;
  keyPrefix?: string;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

export interface SignInThrottle {
  /** Call before checking credentials. */
  check(email: string, ip: string): Promise<ThrottleDecision>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export const defaultThrottleLimits = {
  perAccount: { points: 5, durationSec: 15 * 60 },
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
  return options.redis
    ? new RateLimiterRedis({ ...common, storeClient: options.redis })
    : new RateLimiterMemory(common);
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
  const accountLimit = options.perAccount ?? defaultThrottleLimits.perAccount;
  const ipLimit = options.perIp ?? defaultThrottleLimits.perIp;
  const account = createLimiter(options, "account", accountLimit);
  const address = createLimiter(options, "ip", ipLimit);
  return {
    async check(email, ip) {
      const [accountRes, ipRes] = await Promise.all([
        account.get(accountThrottleKey(email)),
        address.get(ipThrottleKey(ip)),
      ]);
      const waits = [retryAfter(accountRes, accountLimit), retryAfter(ipRes, ipLimit)];
      const wait = Math.max(0, ...waits.filter((w): w is number => w !== null));
      return wait > 0 ? { allowed: false, retryAfterSec: wait } : { allowed: true };
    },
    async recordFailure(email, ip) {
      await Promise.all([
        consumeQuietly(account, accountThrottleKey(email)),
        consumeQuietly(address, ipThrottleKey(ip)),
      ]);
    },
    async recordSuccess(email) {
      await account.delete(accountThrottleKey(email));
    },
  };
}
