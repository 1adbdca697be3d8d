import { type Database, enqueueActionDueNotices, enqueueDailyDigests } from "@teamaround/db";
import { describeError } from "@teamaround/domain";
import type { Logger } from "pino";

export interface NoticeSchedulerOptions {
  db: Database;
  logger: Logger;
  now?: () => Date;
  /** Between passes; default one minute (a digest comes within a minute of its time). */
  intervalMs?: number;
  /** Told who had notices written in a pass (the server wakes the outbox worker). */
  onEnqueued?: (userIds: string[]) => void;
}

export interface NoticeScheduler {
  /** Starts ticking; idempotent. The first pass runs at once. */
  start(): void;
  /** Stops ticking and waits for a pass under way. */
  stop(): Promise<void>;
  /** One pass: "due tomorrow" notices, then daily digests, each until nothing more is due. */
  runOnce(): Promise<{ actionDue: number; digests: number }>;
}

/**
 * The notices nobody's change causes, written on time: "due tomorrow" for
 * action owners and the leads' daily digests (DESIGN §4b). A plain interval
 * inside the server process: each pass only writes to the outbox, and every
 * write is idempotent (a notice's key, a digest's day in `daily_digest_runs`),
 * so several nodes ticking at once, a restart, or a missed tick write each
 * notice once — no leader, lock or job queue is needed.
 */
export function createNoticeScheduler(options: NoticeSchedulerOptions): NoticeScheduler {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function runOnce() {
    const told = new Set<string>();
    let actionDue = 0;
    for (let more = true; more; ) {
      const people = await enqueueActionDueNotices(db, now());
      for (const id of people) told.add(id);
      actionDue += people.length;
      more = people.length > 0;
    }
    let digests = 0;
    for (let more = true; more; ) {
      const pass = await enqueueDailyDigests(db, now());
      for (const id of pass.sentTo) told.add(id);
      digests += pass.sentTo.length;
      more = pass.considered > 0;
    }
    if (told.size > 0) options.onEnqueued?.([...told]);
    return { actionDue, digests };
  }

  function tick() {
    running = runOnce().catch((error: unknown) => {
      logger.error({ error: describeError(error) }, "notice scheduler pass failed");
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
