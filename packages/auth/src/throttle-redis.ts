import { Redis } from "ioredis";

/**
 * The sign-in throttle's Redis connection, open before the server listens:
 * with no offline queue a command sent before the connection is ready fails
 * at once, so the first sign-ins after a start would otherwise fall back to
 * one process's counts. Rejects when Redis does not answer, so a wrong
 * REDIS_URL stops the start rather than the first sign-in.
 */
export async function connectThrottleRedis(
  url: string,
  onError: (error: Error) => void,
): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, lazyConnect: true });
  // Later outages are logged; the throttle counts in memory until Redis is back.
  redis.on("error", onError);
  await redis.connect();
  return redis;
}
