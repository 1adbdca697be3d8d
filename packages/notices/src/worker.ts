import {
  claimDueNotices,
  type Database,
  getNoticeAddress,
  markNoticeFailed,
  markNoticeSent,
  type NoticeRow,
  scheduleNoticeRetry,
} from "@teamaround/db";
import {
  defaultRetrySchedule,
  describeError,
  type NoticeContent,
  noticeCalendar,
  noticeRetryDelayMs,
  parseNoticeContent,
  type RetrySchedule,
  renderNotice,
} from "@teamaround/domain";
import type { Logger } from "pino";
import { NoticeSendError, type NoticeTransport, type OutgoingNotice } from "./transport";

export interface NoticeWorkerOptions {
  db: Database;
  /** Owned by the worker: `stop()` closes it. */
  transport: NoticeTransport;
  logger: Logger;
  /** The origin links in messages point at, and the Message-ID's domain. */
  publicOrigin: string;
  now?: () => Date;
  /** In [0, 1): the retry delay's jitter. */
  random?: () => number;
  /** Idle wait between passes that found nothing more to do; default 1 s. */
  pollMs?: number;
  /** Notices claimed at once; default 20. */
  batchSize?: number;
  /** Notices being sent at once; default 4. */
  concurrency?: number;
  /**
   * How long a claim holds. A worker that dies after claiming leaves its
   * notices to be claimed again once this has passed; it must be longer
   * than any send can take (the transports time out at 30 s). Default 5 min.
   */
  leaseMs?: number;
  retry?: RetrySchedule;
  /**
   * Told, once per pass, who had in-app notices delivered in it (the server
   * publishes `notifications.changed` so their open pages update). A failure
   * here is logged and changes nothing of the notices.
   */
  onInAppDelivered?: (userIds: string[]) => void | Promise<void>;
}

export interface NoticeWorker {
  /** Starts polling; idempotent. */
  start(): void;
  /**
   * Stops claiming, finishes the notices in hand (sent and marked, or put
   * back to wait), then closes the transport. Anything not yet claimed stays
   * in the outbox for the next worker.
   */
  stop(): Promise<void>;
  /** One pass: claims what is due and delivers it. Answers how many notices it handled. */
  runOnce(): Promise<number>;
  /** Ends the idle wait now (e.g. right after a notice was written). */
  wake(): void;
}

/**
 * The outbox worker (DESIGN §4b): claims due notices in short transactions
 * (`FOR UPDATE SKIP LOCKED`, so one worker per node is safe), sends each
 * through the transport, and marks it sent — or waits it out with back-off
 * and jitter, and marks it failed after the last attempt. Sending is
 * idempotent per notice: the Message-ID and Notify's reference are the
 * notice's id, and the local outbox keeps one message per notice.
 */
export function createNoticeWorker(options: NoticeWorkerOptions): NoticeWorker {
  const { db, transport, logger } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const retry = options.retry ?? defaultRetrySchedule;
  const host = new URL(options.publicOrigin).hostname;

  let running: Promise<void> | null = null;
  let stopping = false;
  let wakeUp: (() => void) | null = null;

  async function prepare(notice: NoticeRow): Promise<OutgoingNotice | NoticeSendError> {
    let content: NoticeContent;
    try {
      content = parseNoticeContent(notice.kind, notice.variables);
    } catch {
      return new NoticeSendError("variables do not fit the kind", true);
    }
    const recipient = await getNoticeAddress(db, notice);
    if (!recipient.address) return new NoticeSendError("no email address", true);
    const context = { publicOrigin: options.publicOrigin };
    const rendered = renderNotice(content, context);
    return {
      noticeId: notice.id,
      authorityId: notice.authorityId,
      kind: notice.kind,
      to: recipient.address,
      recipientUserId: recipient.userId,
      subject: rendered.subject,
      body: rendered.body,
      personalisation: rendered.personalisation,
      calendar: noticeCalendar(content, context),
      messageId: `<${notice.id}@${host}>`,
      now: now(),
    };
  }

  async function giveUpOrRetry(notice: NoticeRow, failure: NoticeSendError) {
    const delay = failure.permanent ? null : noticeRetryDelayMs(notice.attempts, random(), retry);
    const context = { noticeId: notice.id, kind: notice.kind, attempts: notice.attempts };
    if (delay === null) {
      await markNoticeFailed(db, {
        notice,
        now: now(),
        transport: transport.name,
        error: failure.reason,
      });
      logger.warn({ ...context, reason: failure.reason }, "notice failed; not trying again");
      return;
    }
    const at = new Date(now().getTime() + delay);
    await scheduleNoticeRetry(db, { notice, at, error: failure.reason });
    logger.info({ ...context, reason: failure.reason, retryAt: at }, "notice not sent; will retry");
  }

  async function deliver(notice: NoticeRow, inApp: Set<string>) {
    if (notice.channel === "in_app") {
      // The row is the in-app list's entry: delivered once it is there.
      const marked = await markNoticeSent(db, { notice, now: now(), transport: "in_app" });
      if (marked && notice.recipientUserId) inApp.add(notice.recipientUserId);
      return;
    }
    const message = await prepare(notice);
    if (message instanceof NoticeSendError) return giveUpOrRetry(notice, message);
    try {
      await transport.send(message);
    } catch (error) {
      const failure =
        error instanceof NoticeSendError ? error : new NoticeSendError("transport error", false);
      if (!(error instanceof NoticeSendError)) {
        logger.error(
          { noticeId: notice.id, error: describeError(error) },
          "notice transport threw",
        );
      }
      return giveUpOrRetry(notice, failure);
    }
    const marked = await markNoticeSent(db, { notice, now: now(), transport: transport.name });
    if (!marked) {
      // The lease ran out mid-send and another worker claimed it: it may send again,
      // with the same Message-ID / reference, which is what makes that harmless.
      logger.warn({ noticeId: notice.id }, "notice sent after its claim had run out");
    }
  }

  async function runOnce(): Promise<number> {
    const claimed = await claimDueNotices(db, { now: now(), leaseMs, limit: batchSize });
    let next = 0;
    const inApp = new Set<string>();
    const lanes = Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
      for (let notice = claimed[next++]; notice; notice = claimed[next++]) {
        try {
          await deliver(notice, inApp);
        } catch (error) {
          // The database failed while marking: the lease brings the notice back.
          logger.error({ noticeId: notice.id, error: describeError(error) }, "notice not marked");
        }
      }
    });
    await Promise.all(lanes);
    if (inApp.size > 0) await tellInApp([...inApp]);
    return claimed.length;
  }

  async function tellInApp(userIds: string[]) {
    try {
      await options.onInAppDelivered?.(userIds);
    } catch (error) {
      logger.error({ error: describeError(error) }, "in-app delivery not announced");
    }
  }

  function idle(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function loop() {
    while (!stopping) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (error) {
        logger.error({ error: describeError(error) }, "notice worker pass failed");
      }
      if (!stopping && handled < batchSize) await idle(pollMs);
    }
  }

  return {
    start() {
      if (running || stopping) return;
      running = loop();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await running;
      await transport.close();
    },
    runOnce,
    wake() {
      wakeUp?.();
    },
  };
}
