import { type Database, storeLocalOutboxMessage } from "@teamaround/db";
import type { NoticeTransport, OutgoingNotice } from "./transport";

/**
 * The embedded default: nothing leaves the machine. Each message is kept, as
 * it would have been sent, in `local_outbox_messages` for the administrator
 * (and, in demo mode, the person it was for) to read. Storing a notice twice
 * keeps the first, so a retried notice is still one message.
 */
export function createLocalTransport(options: { db: Database; mailFrom: string }): NoticeTransport {
  return {
    name: "local",
    async send(message: OutgoingNotice) {
      await storeLocalOutboxMessage(options.db, {
        noticeId: message.noticeId,
        authorityId: message.authorityId,
        recipientUserId: message.recipientUserId,
        toAddress: message.to,
        fromAddress: options.mailFrom,
        messageId: message.messageId,
        subject: message.subject,
        body: message.body,
        storedAt: message.now,
      });
    },
    async close() {},
  };
}
