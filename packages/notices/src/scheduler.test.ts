import { type DatabaseHandle, localOutboxMessages, notices } from "@teamaround/db";
import { buildAction, buildOutcome, buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalTransport } from "./local-transport";
import { createNoticeScheduler } from "./scheduler";
import { createNoticeWorker } from "./worker";

let handle: DatabaseHandle;
// Its own database on PostgreSQL too: the worker claims every due notice, the scheduler sees every lead.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
});
afterAll(() => handle.close());

const logger = pino({ level: "silent" });
// 10:00 in the UK (winter: UTC), far from any other file's days.
const now = new Date("2032-01-14T10:00:00.000Z");

async function ownerOfActionDueTomorrow() {
  const world = await buildScenario(handle.db);
  const outcome = await buildOutcome(handle.db, {
    familyId: world.family.id,
    createdBy: world.users.lead.id,
  });
  const action = await buildAction(handle.db, {
    familyId: world.family.id,
    outcomeId: outcome.id,
    createdBy: world.users.lead.id,
    dueDate: "2032-01-15",
    text: "Take Robin to the dentist",
    owners: [{ userId: world.users.teamMember.id }],
  });
  return { world, action };
}

describe("the notice scheduler", () => {
  it("writes 'due tomorrow' once, and the worker delivers it in the app and by email", async () => {
    const { world } = await ownerOfActionDueTomorrow();
    const owner = world.users.teamMember.id;
    const woken: string[][] = [];
    const scheduler = createNoticeScheduler({
      db: handle.db,
      logger,
      now: () => now,
      onEnqueued: (ids) => void woken.push(ids),
    });
    const first = await scheduler.runOnce();
    expect(first.actionDue).toBeGreaterThanOrEqual(1);
    expect(woken.flat()).toContain(owner);
    expect((await scheduler.runOnce()).actionDue).toBe(0);

    const delivered: string[] = [];
    const worker = createNoticeWorker({
      db: handle.db,
      transport: createLocalTransport({ db: handle.db, mailFrom: "Teamaround <t@example.test>" }),
      logger,
      publicOrigin: "https://teamaround.test",
      now: () => now,
      onInAppDelivered: (ids) => void delivered.push(...ids),
    });
    while ((await worker.runOnce()) > 0) {}
    await worker.stop();
    expect(delivered).toContain(owner);
    const rows = await handle.db
      .select({ channel: notices.channel, status: notices.status })
      .from(notices)
      .where(and(eq(notices.recipientUserId, owner), eq(notices.kind, "action_due")))
      .orderBy(notices.channel);
    expect(rows).toEqual([
      { channel: "email", status: "sent" },
      { channel: "in_app", status: "sent" },
    ]);
    const [email] = await handle.db
      .select()
      .from(localOutboxMessages)
      .where(eq(localOutboxMessages.recipientUserId, owner));
    expect(email?.subject).toBe("An action of yours in Teamaround is due tomorrow");
    expect(email?.body).not.toContain("dentist");
    expect(email?.body).not.toContain("Robin");
  });

  it("ticks on its own until stopped", async () => {
    const { world } = await ownerOfActionDueTomorrow();
    let resolveWoken: (ids: string[]) => void = () => {};
    const woken = new Promise<string[]>((resolve) => {
      resolveWoken = resolve;
    });
    const scheduler = createNoticeScheduler({
      db: handle.db,
      logger,
      now: () => now,
      intervalMs: 50,
      onEnqueued: (ids) => resolveWoken(ids),
    });
    scheduler.start();
    expect(await woken).toContain(world.users.teamMember.id);
    await scheduler.stop();
  });
});
