import { type DatabaseHandle, enqueuePersonNotice, markAllInAppNoticesRead } from "@teamaround/db";
import { buildScenario, openTestDatabase, type Scenario } from "@teamaround/db/testing";
import { createLocalEventBus, type EventBus } from "@teamaround/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connection, meetingClient, next, send } from "../testing/test-meetings";
import { cookieFor, startTestRealtime, type TestRealtime } from "../testing/test-realtime";

let handle: DatabaseHandle;
let events: EventBus;
let server: TestRealtime;
beforeAll(async () => {
  handle = await openTestDatabase();
  events = createLocalEventBus();
  server = await startTestRealtime(handle.db, {}, { events, accessRecheckMs: 0 });
});
afterAll(async () => {
  await server?.close();
  await events?.close();
  await handle?.close();
});

async function connected(userId: string) {
  const client = meetingClient(server.httpUrl, await cookieFor(handle.db, userId));
  expect(await connection(client)).toEqual({ ok: true });
  return client;
}

function noticeFor(world: Scenario, userId: string) {
  return enqueuePersonNotice(handle.db, {
    authorityId: world.authority.id,
    userId,
    familyId: world.family.id,
    content: {
      kind: "action_due",
      variables: { actionId: world.family.id, familyId: world.family.id, dueDate: "2030-01-01" },
    },
  });
}

describe("notifications:watch", () => {
  it("answers my unread count and tells me the new one when my notices change", async () => {
    const world = await buildScenario(handle.db);
    const { teamMember, lead } = world.users;
    await noticeFor(world, teamMember.id);
    const mine = await connected(teamMember.id);
    const theirs = await connected(lead.id);
    expect(await send(mine, "notifications:watch", {})).toEqual({
      ok: true,
      data: { unreadCount: 1 },
    });
    expect(await send(theirs, "notifications:watch", {})).toEqual({
      ok: true,
      data: { unreadCount: 0 },
    });
    let leadHeard = 0;
    theirs.on("notifications:changed", () => {
      leadHeard += 1;
    });

    const heard = next(mine, "notifications:changed");
    await noticeFor(world, teamMember.id);
    await events.publish({ type: "notifications.changed", userIds: [teamMember.id] });
    expect(await heard).toEqual({ unreadCount: 2 });

    const cleared = next(mine, "notifications:changed");
    await markAllInAppNoticesRead(handle.db, teamMember.id, new Date());
    await events.publish({ type: "notifications.changed", userIds: [teamMember.id] });
    expect(await cleared).toEqual({ unreadCount: 0 });
    // Another person's sockets hear nothing of it.
    expect(leadHeard).toBe(0);
    mine.close();
    theirs.close();
  });

  it("tells a socket that did not ask nothing, and refuses anything in the payload", async () => {
    const world = await buildScenario(handle.db);
    const quiet = await connected(world.users.teamMember.id);
    let heard = 0;
    quiet.on("notifications:changed", () => {
      heard += 1;
    });
    const bad = await send(quiet, "notifications:watch", { userId: world.users.lead.id });
    expect(bad).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    await events.publish({ type: "notifications.changed", userIds: [world.users.teamMember.id] });
    // A round trip after the event: had anything been emitted, it would have arrived first.
    await send(quiet, "meeting:leave", { meetingId: world.family.id });
    expect(heard).toBe(0);
    quiet.close();
  });
});
