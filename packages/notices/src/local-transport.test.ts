import {
  type DatabaseHandle,
  enqueueNotice,
  listLocalOutboxMessages,
  listMyOutboxMessages,
} from "@teamaround/db";
import { buildAuthority, buildUser, openTestDatabase } from "@teamaround/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalTransport } from "./local-transport";
import { createNoticeWorker } from "./worker";

let handle: DatabaseHandle;
const clock = { now: new Date("2032-03-01T10:00:00.000Z") };

// Its own database on PostgreSQL too: the worker claims every due notice.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
});
afterAll(() => handle.close());

describe("the local outbox", () => {
  it("keeps the message as it would have been sent, once per notice, for its authority and recipient", async () => {
    const authority = await buildAuthority(handle.db);
    const user = await buildUser(handle.db, { authorityId: authority.id, role: "manager" });
    const created = await enqueueNotice(handle.db, {
      authorityId: authority.id,
      recipient: { userId: user.id },
      content: {
        kind: "staff_invitation",
        variables: {
          token: "abcdefghijklmnopqrstuvwxyz234567",
          expiresAt: "2032-03-08T10:00:00.000Z",
        },
      },
      dueAt: clock.now,
    });
    if (!created) throw new Error("not enqueued");
    const transport = createLocalTransport({
      db: handle.db,
      mailFrom: "Teamaround <t@council.example>",
    });
    const worker = createNoticeWorker({
      db: handle.db,
      transport,
      logger: pino({ level: "silent" }),
      publicOrigin: "http://127.0.0.1:3000",
      now: () => clock.now,
    });
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();

    const [message] = await listLocalOutboxMessages(handle.db, authority.id, { limit: 10 });
    expect(message).toMatchObject({
      noticeId: created.id,
      kind: "staff_invitation",
      toAddress: user.email,
      fromAddress: "Teamaround <t@council.example>",
      messageId: `<${created.id}@127.0.0.1>`,
      subject: "Set your Teamaround password",
      storedAt: clock.now,
    });
    expect(message?.body).toContain(
      "http://127.0.0.1:3000/set-password?token=abcdefghijklmnopqrstuvwxyz234567",
    );

    // A retried send of the same notice keeps one message.
    await transport.send({
      noticeId: created.id,
      authorityId: authority.id,
      kind: "staff_invitation",
      to: user.email,
      recipientUserId: user.id,
      subject: "again",
      body: "again",
      personalisation: {},
      messageId: "<again@127.0.0.1>",
      now: clock.now,
    });
    const mine = await listMyOutboxMessages(handle.db, user.id, { limit: 10 });
    expect(mine.map((m) => m.subject)).toEqual(["Set your Teamaround password"]);
    const other = await buildAuthority(handle.db);
    expect(await listLocalOutboxMessages(handle.db, other.id, { limit: 10 })).toEqual([]);
  });
});
