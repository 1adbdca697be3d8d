import { auditEvents, localOutboxMessages, notices, teamMemberships } from "@teamaround/db";
import { createLocalTransport, createNoticeWorker } from "@teamaround/notices";
import { and, eq, like } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patchAuthority } from "../admin/authority-test-support";
import { buildActionWorld, dayOffset } from "../plan/plan-fixtures";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
// A database of its own: the worker here claims every due notice in it.
beforeAll(async () => {
  api = await startTestApi({ isolatedDatabase: true });
});
afterAll(() => api.close());

async function sendNotices() {
  const worker = createNoticeWorker({
    db: api.deps.db,
    transport: createLocalTransport({ db: api.deps.db, mailFrom: "Teamaround <t@example.test>" }),
    logger: pino({ level: "silent" }),
    publicOrigin: testOrigin,
    now: () => api.clock.now,
  });
  while ((await worker.runOnce()) > 0) {}
  await worker.stop();
}

const noticesFor = (userId: string) =>
  api.deps.db
    .select()
    .from(notices)
    .where(eq(notices.recipientUserId, userId))
    .orderBy(notices.createdAt, notices.channel);

async function assign(world: Awaited<ReturnType<typeof buildActionWorld>>, text: string) {
  const lead = await sessionCookieFor(api, world.s.users.lead.id);
  return call(api, "POST", world.actionsPath, {
    cookie: lead,
    body: {
      outcomeId: world.outcome.id,
      text,
      dueDate: dayOffset(api.clock.now, 7),
      owners: [{ userId: world.s.users.teamMember.id }, { userId: world.s.users.lead.id }],
    },
  });
}

describe("an action assigned to someone", () => {
  it("writes an in-app notice and an email with no case content, in the change's transaction", async () => {
    const world = await buildActionWorld(api.deps.db);
    const { teamMember, lead } = world.s.users;
    const res = await assign(world, "Ring the school about Robin's attendance");
    expect(res.status).toBe(201);
    const actionId = res.json.data.id;
    const rows = await noticesFor(teamMember.id);
    expect(rows.map((n) => [n.kind, n.channel, n.createdBy, n.familyId])).toEqual([
      ["action_assigned", "email", lead.id, world.s.family.id],
      ["action_assigned", "in_app", lead.id, world.s.family.id],
    ]);
    // The person who assigned it is not told of their own doing.
    expect(await noticesFor(lead.id)).toEqual([]);

    await sendNotices();
    const [email] = await api.deps.db
      .select()
      .from(localOutboxMessages)
      .where(eq(localOutboxMessages.recipientUserId, teamMember.id));
    expect(email?.subject).toBe("You have a new action in Teamaround");
    expect(email?.body).toContain(`/families/${world.s.family.id}/outcomes#action-${actionId}`);
    for (const words of ["Robin", "school", world.s.family.displayName]) {
      expect(`${email?.subject} ${email?.body}`).not.toContain(words);
    }
  });

  it("writes nothing when the change is refused", async () => {
    const world = await buildActionWorld(api.deps.db);
    const lead = await sessionCookieFor(api, world.s.users.lead.id);
    const res = await call(api, "POST", world.actionsPath, {
      cookie: lead,
      body: {
        outcomeId: world.outcome.id,
        text: "Something",
        dueDate: dayOffset(api.clock.now, 7),
        owners: [{ userId: world.s.users.teamMember.id }, { userId: world.s.users.outsider.id }],
      },
    });
    expect(res.status).toBe(422);
    expect(await noticesFor(world.s.users.teamMember.id)).toEqual([]);
  });

  it("tells existing owners of a new due date and new owners that it is theirs", async () => {
    const world = await buildActionWorld(api.deps.db);
    const { teamMember, lead } = world.s.users;
    const cookie = await sessionCookieFor(api, teamMember.id);
    const res = await call(api, "PATCH", `${world.actionsPath}/${world.staffAction.id}`, {
      cookie,
      body: {
        version: world.staffAction.version,
        dueDate: dayOffset(api.clock.now, 9),
        owners: [{ userId: teamMember.id }, { userId: lead.id }],
      },
    });
    expect(res.status).toBe(200);
    expect((await noticesFor(lead.id)).map((n) => [n.kind, n.channel])).toEqual([
      ["action_assigned", "email"],
      ["action_assigned", "in_app"],
    ]);
    // The team member made the change: nothing for them.
    expect(await noticesFor(teamMember.id)).toEqual([]);

    const leadCookie = await sessionCookieFor(api, lead.id);
    const again = await call(api, "PATCH", `${world.actionsPath}/${world.staffAction.id}`, {
      cookie: leadCookie,
      body: { version: res.json.data.version, text: "Ring the school on Monday" },
    });
    expect(again.status).toBe(200);
    const changed = (await noticesFor(teamMember.id)).find((n) => n.channel === "in_app");
    expect(changed?.kind).toBe("action_changed");
    expect(changed?.variables).toMatchObject({ changed: ["text"] });
  });

  it("names the family in emails once an administrator allows it", async () => {
    const world = await buildActionWorld(api.deps.db);
    const admin = await sessionCookieFor(api, world.s.users.administrator.id);
    const setting = await patchAuthority(api, admin, { noticeFamilyNames: true });
    expect(setting.status).toBe(200);
    expect(setting.json.data.noticeFamilyNames).toBe(true);
    await assign(world, "Book a visit");
    const rows = await noticesFor(world.s.users.teamMember.id);
    expect(rows.map((n) => [n.channel, n.variables.familyName ?? null])).toEqual([
      ["email", world.s.family.displayName],
      ["in_app", null],
    ]);
  });
});

describe("the in-app list", () => {
  it("shows my notices with a link while I may see the family, and nothing of it once I may not", async () => {
    const world = await buildActionWorld(api.deps.db);
    const { teamMember } = world.s.users;
    const res = await assign(world, "Ring the school");
    const actionId = res.json.data.id;
    const cookie = await sessionCookieFor(api, teamMember.id);
    const list = await call(api, "GET", "/api/me/notifications", { cookie });
    expect(list.status).toBe(200);
    expect(list.json.unreadCount).toBe(1);
    expect(list.json.data).toEqual([
      expect.objectContaining({
        kind: "action_assigned",
        title: "You have a new action",
        read: false,
        link: `/families/${world.s.family.id}/outcomes#action-${actionId}`,
        accessEnded: false,
        familyName: world.s.family.displayName,
        actionText: "Ring the school",
      }),
    ]);

    await api.deps.db
      .update(teamMemberships)
      .set({ removedAt: api.clock.now, removedReason: "Moved on" })
      .where(
        and(
          eq(teamMemberships.familyId, world.s.family.id),
          eq(teamMemberships.userId, teamMember.id),
        ),
      );
    const after = await call(api, "GET", "/api/me/notifications", { cookie });
    expect(after.json.data).toEqual([
      expect.objectContaining({
        title: "You have a new action",
        link: null,
        accessEnded: true,
        familyName: null,
        actionText: null,
      }),
    ]);
    expect(JSON.stringify(after.json)).not.toContain(world.s.family.id);
  });

  it("marks one and all read, tells my other pages, and finds nobody else's notice", async () => {
    const world = await buildActionWorld(api.deps.db);
    const { teamMember, lead } = world.s.users;
    await assign(world, "One");
    await assign(world, "Two");
    const cookie = await sessionCookieFor(api, teamMember.id);
    const list = await call(api, "GET", "/api/me/notifications", { cookie });
    const [first] = list.json.data;
    const leadCookie = await sessionCookieFor(api, lead.id);
    const theirs = await call(api, "POST", `/api/me/notifications/${first.id}/read`, {
      cookie: leadCookie,
      body: {},
    });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.code).toBe("not_found");

    const one = await call(api, "POST", `/api/me/notifications/${first.id}/read`, {
      cookie,
      body: {},
    });
    expect(one.status).toBe(200);
    expect(one.json.data.unreadCount).toBe(1);
    expect(api.events.at(-1)).toEqual({ type: "notifications.changed", userIds: [teamMember.id] });

    const all = await call(api, "POST", "/api/me/notifications/read-all", { cookie, body: {} });
    expect(all.json.data.unreadCount).toBe(0);
    // One audit event per request: the refused one wrote none.
    const audited = await api.deps.db
      .select({
        event: auditEvents.event,
        resourceId: auditEvents.resourceId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, teamMember.id), like(auditEvents.event, "notification.%")))
      .orderBy(auditEvents.at, auditEvents.id);
    expect(audited).toEqual([
      { event: "notification.read", resourceId: first.id, details: null },
      { event: "notification.read_all", resourceId: teamMember.id, details: { marked: 1 } },
    ]);
    const byLead = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, lead.id), like(auditEvents.event, "notification.%")));
    expect(byLead).toEqual([]);
    const count = await call(api, "GET", "/api/me/notifications/unread-count", { cookie });
    expect(count.json.data.unreadCount).toBe(0);
  });

  it("pages on with the cursor it gives, and refuses half a cursor", async () => {
    const world = await buildActionWorld(api.deps.db);
    for (let i = 0; i < 21; i++) await assign(world, `Action ${i}`);
    const cookie = await sessionCookieFor(api, world.s.users.teamMember.id);
    const first = await call(api, "GET", "/api/me/notifications", { cookie });
    expect(first.json.data).toHaveLength(20);
    const { beforeAt, beforeId } = first.json.next;
    const query = new URLSearchParams({ beforeAt, beforeId });
    const second = await call(api, "GET", `/api/me/notifications?${query}`, { cookie });
    expect(second.json.data).toHaveLength(1);
    expect(second.json.next).toBeNull();
    const half = await call(api, "GET", `/api/me/notifications?beforeId=${beforeId}`, { cookie });
    expect(half.status).toBe(400);
  });
});

describe("notice preferences", () => {
  it("turns optional emails off and keeps in-app notices coming", async () => {
    const world = await buildActionWorld(api.deps.db);
    const cookie = await sessionCookieFor(api, world.s.users.teamMember.id);
    const initial = await call(api, "GET", "/api/me/notice-preferences", { cookie });
    expect(initial.json.data).toEqual({
      digestTime: "08:00",
      emailOff: [],
      optionalKinds: [
        "action_assigned",
        "action_changed",
        "action_due",
        "daily_digest",
        "new_sign_in",
      ],
    });
    const saved = await call(api, "PATCH", "/api/me/notice-preferences", {
      cookie,
      body: { emailOff: ["action_assigned"] },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.data).toMatchObject({ digestTime: "08:00", emailOff: ["action_assigned"] });
    await assign(world, "Quietly");
    expect((await noticesFor(world.s.users.teamMember.id)).map((n) => n.channel)).toEqual([
      "in_app",
    ]);
  });

  it("refuses turning off what cannot be, a bad time and an empty change", async () => {
    const world = await buildActionWorld(api.deps.db);
    const cookie = await sessionCookieFor(api, world.s.users.teamMember.id);
    for (const body of [
      { emailOff: ["password_changed"] },
      { emailOff: ["consent_withdrawn"] },
      { digestTime: "25:00" },
      {},
      { digestTime: "08:00", extra: true },
    ]) {
      const res = await call(api, "PATCH", "/api/me/notice-preferences", { cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
    }
  });
});
