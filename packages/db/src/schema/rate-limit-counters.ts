import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failure counters of the sign-in throttle when there is no Redis, so a
 * restart does not clear them. The shape rate-limiter-flexible's
 * `RateLimiterDrizzle` store expects: a key, the points used, when they lapse.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limit_counters_expire_idx").on(t.expire)],
);
