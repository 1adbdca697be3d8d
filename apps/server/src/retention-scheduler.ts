import { type Database, refreshRetentionReviews } from "@teamaround/db";
import { describeError } from "@teamaround/domain";
import type { Logger } from "pino";

export interface RetentionScheduler {
  /** Starts ticking; idempotent. The first pass runs at once. */
  start(): void;
  /** Stops ticking and waits for a pass under way. */
  stop(): Promise<void>;
  runOnce(): Promise<{ listed: number; unlisted: number }>;
}

/**
 * The daily retention pass: lists the closed families whose record the
 * authority's rule makes due for review (docs/data-protection.md). Like the
 * notice scheduler, a plain interval inside the server process: a pass is
 * idempotent (one row per family), so several nodes, a restart or a missed
 * tick list each family once. It ticks hourly so a day is never skipped; a
 * pass only writes when a family's due day or rule changed.
 */
export function createRetentionScheduler(options: {
  db: Database;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
}): RetentionScheduler {
  const { db, logger, now } = options;
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  const runOnce = () => refreshRetentionReviews(db, now().toISOString().slice(0, 10));

  function tick() {
    running = runOnce()
      .then((result) => {
        if (result.listed > 0 || result.unlisted > 0) logger.info(result, "retention pass");
      })
      .catch((error: unknown) => {
        logger.error({ error: describeError(error) }, "retention pass failed");
      });
  }

  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(() => {
        void running.then(tick);
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runOnce,
  };
}
