import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { localAuthorities, notices } from "../schema";
import { buildMember, buildScenario, openTestDatabase } from "../testing";
import { enqueueActionNotices } from "./action-notices";
import {
  countUnreadNotices,
  countUnreadNoticesOf,
  enqueuePersonNotice,
  getNoticePreferences,
  listInAppNotices,
  markAllInAppNoticesRead,
  markInAppNoticeRead,
  saveNoticePreferences,
} from "./person-notices";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const due = (familyId: string, actionId = randomUUID()) => ({
  kind: "action_due" as const,
  variables: { actionId, familyId, dueDate: "2030-03-10" },
});

async function noticesOf(userId: string) {
  return handle.db
    .select()
    .from(notices)
    .where(eq(notices.recipientUserId, userId))
    .orderBy(notices.channel);
}

describe("a notice to a person", () => {
  it("goes in the app and by email, once per key", async () => {
    const world = await buildScenario(handle.db);
    const { lead } = world.users;
    const input = {
      authorityId: world.authority.id,
      userId: lead.id,
      content: due(world.family.id),
      familyId: world.family.id,
      idempotencyKey: `test:${randomUUID()}`,
    };
    const first = await enqueuePersonNotice(handle.db, input);
    const again = await enqueuePersonNotice(handle.db, input);
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    const rows = await noticesOf(lead.id);
    expect(rows.map((r) => r.channel)).toEqual(["email", "in_app"]);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([
      `${input.idempotencyKey}:email`,
      `${input.idempotencyKey}:in_app`,
    ]);
  });

  it("comes only in the app when the person turned that kind's emails off", async () => {
    const world = await buildScenario(handle.db);
    const { teamMember } = world.users;
    await saveNoticePreferences(
      handle.db,
      teamMember.id,
      { digestTime: "07:30", emailOff: ["action_due"] },
      new Date(),
    );
    expect(await getNoticePreferences(handle.db, teamMember.id)).toEqual({
      digestTime: "07:30",
      emailOff: ["action_due"],
    });
    await enqueuePersonNotice(handle.db, {
      authorityId: world.authority.id,
      userId: teamMember.id,
      content: due(world.family.id),
    });
    expect((await noticesOf(teamMember.id)).map((r) => r.channel)).toEqual(["in_app"]);
  });

  it("has the defaults for someone who never chose", async () => {
    const world = await buildScenario(handle.db);
    expect(await getNoticePreferences(handle.db, world.users.outsider.id)).toEqual({
      digestTime: "08:00",
      emailOff: [],
    });
  });
});

describe("the in-app list", () => {
  it("lists a person's own notices newest first, pages on, counts and marks them read", async () => {
    const world = await buildScenario(handle.db);
    const { lead, teamMember } = world.users;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await enqueuePersonNotice(handle.db, {
        authorityId: world.authority.id,
        userId: lead.id,
        content: due(world.family.id),
      });
      if (id) ids.push(id);
    }
    await enqueuePersonNotice(handle.db, {
      authorityId: world.authority.id,
      userId: teamMember.id,
      content: due(world.family.id),
    });
    const firstPage = await listInAppNotices(handle.db, lead.id, { limit: 2 });
    const last = firstPage.at(-1);
    if (!last) throw new Error("no first page");
    const secondPage = await listInAppNotices(handle.db, lead.id, { limit: 2, before: last });
    expect([...firstPage, ...secondPage].map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await countUnreadNotices(handle.db, lead.id)).toBe(3);

    const [one] = ids;
    if (!one) throw new Error("no notice");
    expect(await markInAppNoticeRead(handle.db, teamMember.id, one, new Date())).toBe(false);
    expect(await markInAppNoticeRead(handle.db, lead.id, one, new Date())).toBe(true);
    expect(await countUnreadNotices(handle.db, lead.id)).toBe(2);
    expect(await markAllInAppNoticesRead(handle.db, lead.id, new Date())).toBe(2);
    expect(await countUnreadNoticesOf(handle.db, [lead.id, teamMember.id])).toEqual(
      new Map([
        [lead.id, 0],
        [teamMember.id, 1],
      ]),
    );
  });
});

describe("notices about an action", () => {
  it("name the family in emails only where the authority allows it, never in the app", async () => {
    const world = await buildScenario(handle.db);
    const { lead, teamMember } = world.users;
    const actionId = randomUUID();
    const plan = { assigned: [{ userId: teamMember.id }], changed: [], changedFields: [] };
    const input = { familyId: world.family.id, actionId, dueDate: "2030-03-10", plan };
    const variablesOf = async (channel: "email" | "in_app") => {
      const [row] = await handle.db
        .select({ variables: notices.variables })
        .from(notices)
        .where(
          and(
            eq(notices.recipientUserId, teamMember.id),
            eq(notices.channel, channel),
            eq(notices.kind, "action_assigned"),
          ),
        )
        .orderBy(notices.createdAt);
      return row?.variables;
    };
    await enqueueActionNotices(handle.db, { ...input, createdBy: lead.id, now: new Date() });
    expect(await variablesOf("email")).toEqual({
      actionId,
      familyId: world.family.id,
      dueDate: "2030-03-10",
    });

    const named = await buildScenario(handle.db);
    await handle.db
      .update(localAuthorities)
      .set({ noticeFamilyNames: true })
      .where(eq(localAuthorities.id, named.authority.id));
    const told = await enqueueActionNotices(handle.db, {
      familyId: named.family.id,
      actionId,
      dueDate: "2030-03-10",
      plan: {
        assigned: [],
        changed: [{ userId: named.users.teamMember.id }],
        changedFields: ["due_date"],
      },
      createdBy: named.users.lead.id,
      now: new Date(),
    });
    expect(told).toEqual([named.users.teamMember.id]);
    const rows = await noticesOf(named.users.teamMember.id);
    expect(rows.map((r) => [r.channel, r.kind, r.variables.familyName ?? null])).toEqual([
      ["email", "action_changed", named.family.displayName],
      ["in_app", "action_changed", null],
    ]);
  });

  it("tell a family member who owns it at their account, in plain words, never naming the family", async () => {
    const world = await buildScenario(handle.db);
    await handle.db
      .update(localAuthorities)
      .set({ noticeFamilyNames: true })
      .where(eq(localAuthorities.id, world.authority.id));
    const { lead, parentUser } = world.users;
    const withoutAccount = await buildMember(handle.db, { familyId: world.family.id });
    const actionId = randomUUID();
    const told = await enqueueActionNotices(handle.db, {
      familyId: world.family.id,
      actionId,
      dueDate: "2030-03-10",
      plan: {
        assigned: [{ memberId: world.members.parent.id }, { memberId: withoutAccount.id }],
        changed: [],
        changedFields: [],
      },
      createdBy: lead.id,
      now: new Date(),
    });
    // The member without an account has nothing to be sent to; nothing fails.
    expect(told).toEqual([parentUser.id]);
    const rows = await noticesOf(parentUser.id);
    expect(rows.map((r) => [r.channel, r.kind, r.variables])).toEqual([
      [
        "email",
        "action_assigned",
        { actionId, familyId: world.family.id, dueDate: "2030-03-10", audience: "family" },
      ],
      [
        "in_app",
        "action_assigned",
        { actionId, familyId: world.family.id, dueDate: "2030-03-10", audience: "family" },
      ],
    ]);
    const toNobody = await handle.db
      .select()
      .from(notices)
      .where(eq(notices.recipientMemberId, withoutAccount.id));
    expect(toNobody).toEqual([]);
  });

  it("honour a family member's preferences and never tell them of their own doing", async () => {
    const world = await buildScenario(handle.db);
    const { parentUser } = world.users;
    await saveNoticePreferences(
      handle.db,
      parentUser.id,
      { digestTime: "08:00", emailOff: ["action_changed"] },
      new Date(),
    );
    const parent = { memberId: world.members.parent.id };
    const changed = await enqueueActionNotices(handle.db, {
      familyId: world.family.id,
      actionId: randomUUID(),
      dueDate: "2030-03-10",
      plan: { assigned: [], changed: [parent], changedFields: ["text"] },
      createdBy: world.users.lead.id,
      now: new Date(),
    });
    expect(changed).toEqual([parentUser.id]);
    expect((await noticesOf(parentUser.id)).map((r) => r.channel)).toEqual(["in_app"]);
    const own = await enqueueActionNotices(handle.db, {
      familyId: world.family.id,
      actionId: randomUUID(),
      dueDate: "2030-03-10",
      plan: { assigned: [parent], changed: [], changedFields: [] },
      createdBy: parentUser.id,
      now: new Date(),
    });
    expect(own).toEqual([]);
  });
});
