import { createNoticeWorker, createSmtpTransport } from "@teamaround/notices";
import pino from "pino";
import { type TestApi, testOrigin } from "./test-api";

/**
 * Everything due in the test API's database goes out through a real notice
 * worker to the SMTP server at `smtpUrl`, until nothing is left; the worker
 * then stops. The tests' own clock decides what is due.
 */
export async function sendDueNotices(api: TestApi, smtpUrl: string): Promise<void> {
  const worker = createNoticeWorker({
    db: api.deps.db,
    transport: createSmtpTransport({
      smtpUrl,
      mailFrom: "Teamaround <teamaround@council.example>",
      timeoutMs: 20_000,
    }),
    logger: pino({ level: "silent" }),
    publicOrigin: testOrigin,
    now: () => api.clock.now,
  });
  while ((await worker.runOnce()) > 0) {}
  await worker.stop();
}
