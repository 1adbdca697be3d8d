import { notices } from "@teamaround/db";
import { buildMember } from "@teamaround/db/testing";
import {
  type ReceivedMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from "@teamaround/notices/testing";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { patchAuthority } from "../admin/authority-test-support";
import { buildActionWorld, dayOffset } from "../plan/plan-fixtures";
import { sendDueNotices } from "../testing/send-due-notices";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
let smtp: TestSmtpServer;
// A database of its own: the worker here sends every due notice in it.
beforeAll(async () => {
  api = await startTestApi({ isolatedDatabase: true });
});
afterAll(() => api.close());
beforeEach(async () => {
  smtp = await startTestSmtpServer();
});
afterEach(() => smtp.close());

type World = Awaited<ReturnType<typeof buildActionWorld>>;

const noticesFor = (userId: string) =>
  api.deps.db
    .select()
    .from(notices)
    .where(eq(notices.recipientUserId, userId))
    .orderBy(notices.createdAt, notices.channel);

const to = (address: string) => (mail: ReceivedMail) => mail.envelopeTo.includes(address);

/** The lead gives the parent (and whoever else) a new action. */
async function assignToParent(world: World, extraOwners: object[] = []) {
  const cookie = await sessionCookieFor(api, world.s.users.lead.id);
  const res = await call(api, "POST", world.actionsPath, {
    cookie,
    body: {
      outcomeId: world.outcome.id,
      text: "Take Robin to the dentist on Riverside Road",
      dueDate: dayOffset(api.clock.now, 7),
      owners: [{ memberId: world.s.members.parent.id }, ...extraOwners],
    },
  });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; version: number };
}

function expectNoCaseContent(world: World, mail: ReceivedMail | undefined) {
  const words = `${mail?.parsed.subject}\n${mail?.parsed.text}`;
  for (const content of [
    "Robin",
    "dentist",
    "Riverside",
    world.s.family.displayName,
    world.s.family.reference,
    world.s.members.parent.familyName,
  ]) {
    expect(words).not.toContain(content);
  }
}

describe("a family member who owns an action", () => {
  it("hears it is theirs by email and in the app, in plain words with a link to their family's page", async () => {
    const world = await buildActionWorld(api.deps.db);
    // Even where staff emails may name the family, a family's never does.
    const admin = await sessionCookieFor(api, world.s.users.administrator.id);
    await patchAuthority(api, admin, { noticeFamilyNames: true });
    const noAccount = await buildMember(api.deps.db, { familyId: world.s.family.id });
    const action = await assignToParent(world, [{ memberId: noAccount.id }]);
    const { parentUser } = world.s.users;
    expect((await noticesFor(parentUser.id)).map((n) => [n.kind, n.channel, n.variables])).toEqual(
      (["email", "in_app"] as const).map((channel) => [
        "action_assigned",
        channel,
        {
          actionId: action.id,
          familyId: world.s.family.id,
          dueDate: dayOffset(api.clock.now, 7),
          audience: "family",
        },
      ]),
    );
    // A member without an account has nothing to be sent to, and the change still succeeds.
    const toNoAccount = await api.deps.db
      .select()
      .from(notices)
      .where(eq(notices.recipientMemberId, noAccount.id));
    expect(toNoAccount).toEqual([]);

    await sendDueNotices(api, smtp.url);
    const [mail] = await smtp.waitFor(1);
    expect(smtp.received.filter(to(parentUser.email))).toHaveLength(1);
    expect(mail?.parsed.subject).toBe("You have something new to do in your family's plan");
    const link = `${testOrigin}/our-family/${world.s.family.id}#action-${action.id}`;
    expect(mail?.parsed.text).toContain(link);
    expect(mail?.parsed.text).not.toMatch(/lead professional|practitioner|Team Around/);
    expectNoCaseContent(world, mail);

    const cookie = await sessionCookieFor(api, parentUser.id);
    const list = await call(api, "GET", "/api/me/notifications", { cookie });
    expect(list.json.data).toEqual([
      expect.objectContaining({
        kind: "action_assigned",
        link: `/our-family/${world.s.family.id}#action-${action.id}`,
        accessEnded: false,
      }),
    ]);
  });

  it("hears of a new due date, honouring their preferences, and never of their own doing", async () => {
    const world = await buildActionWorld(api.deps.db);
    const { parentUser } = world.s.users;
    const parent = await sessionCookieFor(api, parentUser.id);
    const prefs = await call(api, "GET", "/api/me/notice-preferences", { cookie: parent });
    expect(prefs.status).toBe(200);
    expect(prefs.json.data.optionalKinds).toEqual([
      "action_assigned",
      "action_changed",
      "action_due",
      "new_sign_in",
    ]);
    const off = await call(api, "PATCH", "/api/me/notice-preferences", {
      cookie: parent,
      body: { emailOff: ["action_changed"] },
    });
    expect(off.status).toBe(200);

    const lead = await sessionCookieFor(api, world.s.users.lead.id);
    const moved = await call(api, "PATCH", `${world.actionsPath}/${world.parentAction.id}`, {
      cookie: lead,
      body: { version: world.parentAction.version, dueDate: dayOffset(api.clock.now, 10) },
    });
    expect(moved.status).toBe(200);
    const rows = await noticesFor(parentUser.id);
    expect(rows.map((n) => [n.kind, n.channel])).toEqual([["action_changed", "in_app"]]);

    // The parent marks their own action done: nobody is told of it, the parent least of all.
    const done = await call(api, "PATCH", `${world.actionsPath}/${world.parentAction.id}`, {
      cookie: parent,
      body: { version: moved.json.data.version, status: "done" },
    });
    expect(done.status).toBe(200);
    expect(await noticesFor(parentUser.id)).toHaveLength(1);
    expect(await noticesFor(world.s.users.lead.id)).toEqual([]);
  });
});
