import { randomUUID } from "node:crypto";
import {
  auditEvents,
  claimDueNotices,
  type DatabaseHandle,
  enqueueNotice,
  notices,
} from "@teamaround/db";
import {
  buildAgency,
  buildAuthority,
  buildFamily,
  buildMember,
  buildUser,
  openTestDatabase,
} from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSmtpTransport } from "./smtp-transport";
import { startTestSmtpServer, type TestSmtpServer } from "./testing";
import { createNoticeWorker, type NoticeWorkerOptions } from "./worker";

const origin = "https://teamaround.test";
const token = "abcdefghijklmnopqrstuvwxyz234567";
let handle: DatabaseHandle;
let smtp: TestSmtpServer;
const clock = { now: new Date("2030-05-01T09:00:00.000Z") };

// Its own database on PostgreSQL too: the worker claims every due notice.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
});
afterAll(() => handle.close());
beforeEach(async () => {
  smtp = await startTestSmtpServer();
  clock.now = new Date(clock.now.getTime() + 86_400_000);
});
afterEach(() => smtp.close());

function worker(overrides: Partial<NoticeWorkerOptions> = {}) {
  return createNoticeWorker({
    db: handle.db,
    transport: createSmtpTransport({
      smtpUrl: smtp.url,
      mailFrom: "Teamaround <teamaround@council.example>",
      timeoutMs: 20_000,
    }),
    logger: pino({ level: "silent" }),
    publicOrigin: origin,
    now: () => clock.now,
    random: () => 0.5,
    pollMs: 50,
    ...overrides,
  });
}

/** A family whose words must never appear in an email, and a parent with a portal account. */
async function familyWithParent() {
  const authority = await buildAuthority(handle.db);
  const school = await buildAgency(handle.db, { authorityId: authority.id, type: "school" });
  const lead = await buildUser(handle.db, {
    authorityId: authority.id,
    role: "practitioner",
    agencyId: school.id,
  });
  const family = await buildFamily(handle.db, { lead, displayName: "The Quillfeather family" });
  const parentUser = await buildUser(handle.db, {
    authorityId: authority.id,
    role: "family_member",
    email: `parent.${randomUUID().slice(0, 8)}@example.test`,
  });
  const parent = await buildMember(handle.db, {
    familyId: family.id,
    givenName: "Marigold",
    familyName: "Quillfeather",
    userId: parentUser.id,
  });
  return { authority, lead, family, parent, parentUser };
}

async function inviteParent(world: Awaited<ReturnType<typeof familyWithParent>>) {
  return handle.db.transaction(async (tx) => {
    const created = await enqueueNotice(tx, {
      authorityId: world.authority.id,
      familyId: world.family.id,
      recipient: { userId: world.parentUser.id },
      createdBy: world.lead.id,
      content: {
        kind: "family_invitation",
        variables: { token, expiresAt: "2030-06-01T12:00:00.000Z" },
      },
      dueAt: clock.now,
    });
    if (!created) throw new Error("not enqueued");
    return created.id;
  });
}

async function noticeRow(id: string) {
  const [row] = await handle.db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw new Error("no notice");
  return row;
}

describe("the worker over SMTP", () => {
  it("sends the mail with its headers and link, and no case content", async () => {
    const world = await familyWithParent();
    const id = await inviteParent(world);
    const running = worker();
    expect(await running.runOnce()).toBe(1);
    await running.stop();

    const [mail] = await smtp.waitFor(1);
    if (!mail) throw new Error("no mail");
    const { parsed } = mail;
    expect(mail.envelopeTo).toEqual([world.parentUser.email]);
    expect(parsed.messageId).toBe(`<${id}@teamaround.test>`);
    expect(parsed.from?.text).toBe('"Teamaround" <teamaround@council.example>');
    expect(parsed.subject).toBe("You can now see your family's plan online");
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.text).toContain(`${origin}/set-password?token=${token}`);
    const words = `${parsed.subject} ${parsed.text} ${parsed.headerLines.map((h) => h.line).join(" ")}`;
    for (const caseContent of ["Quillfeather", "Marigold", world.family.reference]) {
      expect(words).not.toContain(caseContent);
    }

    const row = await noticeRow(id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row.variables).not.toHaveProperty("token");
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, id), eq(auditEvents.event, "notice.sent")));
    expect(audit).toMatchObject({ familyId: world.family.id, resourceType: "notice" });
    expect(audit?.details).toMatchObject({
      kind: "family_invitation",
      transport: "smtp",
      recipientUserId: world.parentUser.id,
      causedBy: world.lead.id,
    });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("tries again with back-off when the server refuses, and the retry delivers", async () => {
    const world = await familyWithParent();
    const id = await inviteParent(world);
    smtp.refuseNext(1, 451);
    const running = worker();
    await running.runOnce();
    const waiting = await noticeRow(id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: "smtp 451" });
    // The first retry waits between 15 and 30 seconds (30 s, jittered): nothing is due before.
    expect(waiting.nextAttemptAt.getTime() - clock.now.getTime()).toBe(22_500);
    expect(await running.runOnce()).toBe(0);

    clock.now = new Date(waiting.nextAttemptAt.getTime());
    expect(await running.runOnce()).toBe(1);
    await running.stop();
    expect(smtp.refused).toBe(1);
    expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([`<${id}@teamaround.test>`]);
    expect(await noticeRow(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("marks the notice failed at once when the server refuses it for good", async () => {
    const world = await familyWithParent();
    const id = await inviteParent(world);
    smtp.refuseNext(1, 550);
    const running = worker();
    await running.runOnce();
    await running.stop();
    expect(await noticeRow(id)).toMatchObject({ status: "failed", lastError: "smtp 550" });
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resourceId, id), eq(auditEvents.event, "notice.failed")));
    expect(audit).toHaveLength(1);
  });

  it("gives up after the last attempt while the server is down", async () => {
    const world = await familyWithParent();
    const id = await inviteParent(world);
    smtp.refuseNext(3, 421);
    const running = worker({ retry: { baseMs: 1000, capMs: 4000, maxAttempts: 3 } });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await running.runOnce();
      clock.now = new Date(clock.now.getTime() + 10_000);
    }
    await running.stop();
    expect(await noticeRow(id)).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "smtp 421",
    });
    expect(smtp.received).toHaveLength(0);
  });
});

describe("workers side by side", () => {
  it("send each notice once between them", async () => {
    const world = await familyWithParent();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await inviteParent(world));
    const workers = [worker({ batchSize: 4 }), worker({ batchSize: 4 }), worker({ batchSize: 4 })];
    for (const each of workers) each.start();
    await smtp.waitFor(30, 60_000);
    await Promise.all(workers.map((each) => each.stop()));
    const sent = smtp.received.map((m) => m.parsed.messageId).sort();
    expect(sent).toEqual(ids.map((id) => `<${id}@teamaround.test>`).sort());
    expect(smtp.accepted).toBe(30);
  });

  it("deliver an in-app notice by marking it sent, with no email", async () => {
    const world = await familyWithParent();
    const created = await enqueueNotice(handle.db, {
      authorityId: world.authority.id,
      channel: "in_app",
      recipient: { userId: world.parentUser.id },
      content: {
        kind: "password_changed",
        variables: { audience: "family", changedAt: clock.now.toISOString() },
      },
      dueAt: clock.now,
    });
    if (!created) throw new Error("not enqueued");
    const running = worker();
    expect(await running.runOnce()).toBe(1);
    await running.stop();
    expect(await noticeRow(created.id)).toMatchObject({ status: "sent", channel: "in_app" });
    expect(smtp.accepted).toBe(0);
  });
});

describe("a worker that stops between commit and send", () => {
  it("leaves the committed notice for the next worker, which sends it once", async () => {
    const world = await familyWithParent();
    const first = worker();
    first.start();
    await first.stop();
    const id = await inviteParent(world);

    const second = worker();
    second.start();
    await smtp.waitFor(1);
    await second.stop();
    expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([`<${id}@teamaround.test>`]);
    expect(await noticeRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("sends a notice claimed by a worker that died once its lease has run out, once", async () => {
    const world = await familyWithParent();
    const id = await inviteParent(world);
    // The dead worker's claim, as its first step made it; it never sent.
    const dead = await claimDueNotices(handle.db, { now: clock.now, leaseMs: 60_000, limit: 10 });
    expect(dead.map((n) => n.id)).toContain(id);

    const next = worker({ leaseMs: 60_000 });
    expect(await next.runOnce()).toBe(0);
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(await next.runOnce()).toBe(1);
    expect(await next.runOnce()).toBe(0);
    await next.stop();
    await smtp.waitFor(1);
    expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([`<${id}@teamaround.test>`]);
    expect(await noticeRow(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sends nothing for a change that rolled back", async () => {
    const world = await familyWithParent();
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueNotice(tx, {
          authorityId: world.authority.id,
          recipient: { userId: world.parentUser.id },
          content: {
            kind: "password_changed",
            variables: { audience: "family", changedAt: clock.now.toISOString() },
          },
          dueAt: clock.now,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow();
    const running = worker();
    expect(await running.runOnce()).toBe(0);
    await running.stop();
    expect(smtp.accepted).toBe(0);
  });
});
