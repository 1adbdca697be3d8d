import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { auditEvents, notices } from "../schema";
import { buildAuthority, buildUser, openTestDatabase } from "../testing";
import {
  claimDueNotices,
  enqueueNotice,
  getNoticeAddress,
  markNoticeFailed,
  markNoticeSent,
  scheduleNoticeRetry,
} from "./notices";

let handle: DatabaseHandle;
let authorityId: string;
let userId: string;
// Its own database on PostgreSQL too: claims take any due notice, so no other file's may be there.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
  authorityId = (await buildAuthority(handle.db)).id;
  userId = (await buildUser(handle.db, { authorityId, role: "practitioner" })).id;
});
afterAll(() => handle.close());

const token = "abcdefghijklmnopqrstuvwxyz234567";
const invitation = (dueAt: Date) => ({
  authorityId,
  recipient: { userId },
  content: {
    kind: "staff_invitation" as const,
    variables: { token, expiresAt: "2030-01-01T00:00:00.000Z" },
  },
  dueAt,
});
/** A moment of this test's own, far from every other test's notices. */
const moment = () => new Date(Date.UTC(2100 + Math.floor(Math.random() * 800), 0, 1));

/** Claims everything due at `now` (earlier tests may have left some) and answers this one's claim. */
async function claimOne(id: string, now: Date, leaseMs: number) {
  const claimed = await claimDueNotices(handle.db, { now, leaseMs, limit: 1000 });
  return claimed.find((notice) => notice.id === id);
}

async function rowOf(id: string) {
  const [row] = await handle.db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw new Error("no notice");
  return row;
}

describe("enqueueNotice", () => {
  it("writes nothing when the change it belongs to rolls back", async () => {
    const key = `rollback:${randomUUID()}`;
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueNotice(tx, { ...invitation(new Date()), idempotencyKey: key });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await handle.db.select().from(notices).where(eq(notices.idempotencyKey, key));
    expect(rows).toEqual([]);
  });

  it("makes one notice of one idempotency key", async () => {
    const key = `once:${randomUUID()}`;
    const first = await enqueueNotice(handle.db, {
      ...invitation(new Date()),
      idempotencyKey: key,
    });
    const second = await enqueueNotice(handle.db, {
      ...invitation(new Date()),
      idempotencyKey: key,
    });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });

  it("refuses variables its kind does not have", async () => {
    await expect(
      enqueueNotice(handle.db, {
        authorityId,
        recipient: { userId },
        content: { kind: "password_changed", variables: { audience: "staff" } } as never,
      }),
    ).rejects.toThrow();
  });
});

describe("claiming", () => {
  it("gives each due notice to one claim, and again once the lease has run out", async () => {
    const now = moment();
    const created = await enqueueNotice(handle.db, invitation(now));
    if (!created) throw new Error("not enqueued");
    const [first, second] = await Promise.all([
      claimDueNotices(handle.db, { now, leaseMs: 60_000, limit: 10 }),
      claimDueNotices(handle.db, { now, leaseMs: 60_000, limit: 10 }),
    ]);
    const claimedIds = [...(first ?? []), ...(second ?? [])].map((n) => n.id);
    expect(claimedIds.filter((id) => id === created.id)).toHaveLength(1);
    expect((await rowOf(created.id)).attempts).toBe(1);

    const later = new Date(now.getTime() + 30_000);
    const during = await claimDueNotices(handle.db, { now: later, leaseMs: 60_000, limit: 10 });
    expect(during.map((n) => n.id)).not.toContain(created.id);
    const after = new Date(now.getTime() + 61_000);
    const again = await claimDueNotices(handle.db, { now: after, leaseMs: 60_000, limit: 10 });
    expect(again.find((n) => n.id === created.id)?.attempts).toBe(2);
  });

  it("lets only the current claim mark the notice, then drops its secrets and audits it", async () => {
    const now = moment();
    const created = await enqueueNotice(handle.db, invitation(now));
    if (!created) throw new Error("not enqueued");
    const stale = await claimOne(created.id, now, 1000);
    const later = new Date(now.getTime() + 2000);
    const current = await claimOne(created.id, later, 1000);
    if (!stale || !current) throw new Error("not claimed");
    expect(await markNoticeSent(handle.db, { notice: stale, now: later, transport: "smtp" })).toBe(
      false,
    );
    expect(
      await markNoticeSent(handle.db, { notice: current, now: later, transport: "smtp" }),
    ).toBe(true);
    const row = await rowOf(created.id);
    expect(row).toMatchObject({ status: "sent", sentAt: later, attempts: 2 });
    expect(row.variables).toEqual({ expiresAt: "2030-01-01T00:00:00.000Z" });
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, created.id), eq(auditEvents.event, "notice.sent")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ kind: "staff_invitation", recipientUserId: userId });
    expect(JSON.stringify(audit[0]?.details)).not.toContain(token);
  });

  it("waits a notice out after a failed attempt, and marks it failed when giving up", async () => {
    const now = moment();
    const created = await enqueueNotice(handle.db, invitation(now));
    if (!created) throw new Error("not enqueued");
    const claimed = await claimOne(created.id, now, 1000);
    if (!claimed) throw new Error("not claimed");
    const retryAt = new Date(now.getTime() + 30_000);
    await scheduleNoticeRetry(handle.db, { notice: claimed, at: retryAt, error: "smtp 451" });
    expect(await rowOf(created.id)).toMatchObject({
      nextAttemptAt: retryAt,
      lastError: "smtp 451",
    });
    const again = await claimOne(created.id, retryAt, 1000);
    if (!again) throw new Error("not claimed again");
    await markNoticeFailed(handle.db, {
      notice: again,
      now: retryAt,
      transport: "smtp",
      error: "smtp 550",
    });
    const row = await rowOf(created.id);
    expect(row).toMatchObject({ status: "failed", lastError: "smtp 550" });
    expect(row.variables).not.toHaveProperty("token");
    const later = new Date(retryAt.getTime() + 86_400_000);
    const none = await claimDueNotices(handle.db, { now: later, leaseMs: 1000, limit: 100 });
    expect(none.map((n) => n.id)).not.toContain(created.id);
  });

  it("reads the recipient's address as it is when sending", async () => {
    const created = await enqueueNotice(handle.db, invitation(moment()));
    if (!created) throw new Error("not enqueued");
    const address = await getNoticeAddress(handle.db, await rowOf(created.id));
    expect(address).toEqual({ address: expect.stringMatching(/@example\.test$/), userId });
  });
});
