import { AppError } from "@teamaround/domain";
import { createMiddleware } from "hono/factory";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { ApiEnv } from "../app-env";

/** PDFs one person may have made in a minute on one API instance, unless configured. */
export const defaultPdfsPerMinute = 30;

/**
 * Making a PDF costs a server tens of milliseconds of CPU and megabytes of
 * memory, so each person (or, signed out, each address) may have only so many
 * made a minute by one instance; past that the answer is 429 with
 * Retry-After. Counted per process on purpose: what it protects is this
 * process's CPU. Every `GET /api/….pdf` route is covered, present and future.
 */
export function limitPdfs(perMinute = defaultPdfsPerMinute) {
  const limiter = new RateLimiterMemory({ keyPrefix: "pdf", points: perMinute, duration: 60 });
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (c.req.method !== "GET" || !c.req.path.endsWith(".pdf")) return next();
    const key = c.var.actor?.userId ?? c.var.meta.ipAddress ?? "unknown";
    try {
      await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      c.header("Retry-After", String(retryAfterSeconds));
      throw new AppError(
        "too_many_requests",
        `You have asked for ${perMinute} PDFs in the last minute. Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
    return next();
  });
}
