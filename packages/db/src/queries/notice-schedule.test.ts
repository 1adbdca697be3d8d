import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { actions, dailyDigestRuns, localAuthorities, notices, teamMemberships } from "../schema";
import {
  buildAction,
  buildMeeting,
  buildMember,
  buildOutcome,
  buildScenario,
  dateCurrentEpisode,
  openTestDatabase,
} from "../testing";
import { enqueueActionDueNotices, enqueueDailyDigests } from "./notice-schedule";
import { saveNoticePreferences } from "./person-notices";

let handle: DatabaseHandle;
// Its own database on PostgreSQL too: a pass considers every lead in the database.
beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
});
afterAll(() => handle.close());

let nextDay = 0;
/** A UK day of this test's own (no other test's digest runs on it), at 12:00 UTC. */
function ownDay(): { day: string; at: (hhmm: string) => Date } {
  nextDay += 1;
  const day = new Date(Date.UTC(2031, 0, 1) + nextDay * 3 * 86_400_000).toISOString().slice(0, 10);
  // January: UK time is UTC.
  return { day, at: (hhmm) => new Date(`${day}T${hhmm}:00Z`) };
}
const dayPlus = (day: string, days: number) =>
  new Date(new Date(`${day}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);

async function noticesOf(userId: string, kind: "action_due" | "daily_digest") {
  return handle.db
    .select()
    .from(notices)
    .where(and(eq(notices.recipientUserId, userId), eq(notices.kind, kind)))
    .orderBy(notices.channel);
}

async function actionDueOn(world: Awaited<ReturnType<typeof buildScenario>>, dueDate: string) {
  const outcome = await buildOutcome(handle.db, {
    familyId: world.family.id,
    createdBy: world.users.lead.id,
  });
  return buildAction(handle.db, {
    familyId: world.family.id,
    outcomeId: outcome.id,
    createdBy: world.users.lead.id,
    dueDate,
    owners: [
      { userId: world.users.teamMember.id },
      { userId: world.users.lead.id },
      { memberId: world.members.parent.id },
    ],
  });
}

describe("due tomorrow", () => {
  it("tells each staff owner once, at their time of day, the day before", async () => {
    const world = await buildScenario(handle.db);
    const { day, at } = ownDay();
    const action = await actionDueOn(world, dayPlus(day, 1));
    await saveNoticePreferences(
      handle.db,
      world.users.lead.id,
      { digestTime: "09:30", emailOff: ["action_due"] },
      new Date(),
    );

    expect(await enqueueActionDueNotices(handle.db, at("07:59"))).not.toContain(
      world.users.teamMember.id,
    );
    const at9 = await enqueueActionDueNotices(handle.db, at("09:00"));
    expect(at9).toContain(world.users.teamMember.id);
    expect(at9).not.toContain(world.users.lead.id);
    expect(await enqueueActionDueNotices(handle.db, at("10:00"))).toEqual([world.users.lead.id]);
    expect(await enqueueActionDueNotices(handle.db, at("17:00"))).toEqual([]);

    const member = await noticesOf(world.users.teamMember.id, "action_due");
    expect(member.map((n) => [n.channel, n.idempotencyKey])).toEqual([
      ["email", `action_due:${action.id}:${action.dueDate}:${world.users.teamMember.id}:email`],
      ["in_app", `action_due:${action.id}:${action.dueDate}:${world.users.teamMember.id}:in_app`],
    ]);
    // The lead turned these emails off.
    expect((await noticesOf(world.users.lead.id, "action_due")).map((n) => n.channel)).toEqual([
      "in_app",
    ]);
  });

  it("tells nobody of an action done, not due tomorrow, or whose owner left the team", async () => {
    const world = await buildScenario(handle.db);
    const { day, at } = ownDay();
    await actionDueOn(world, dayPlus(day, 2));
    const done = await actionDueOn(world, dayPlus(day, 1));
    await handle.db.update(actions).set({ status: "done" }).where(eq(actions.id, done.id));
    const told = await enqueueActionDueNotices(handle.db, at("12:00"));
    expect(told).not.toContain(world.users.teamMember.id);
    expect(told).not.toContain(world.users.lead.id);

    await actionDueOn(world, dayPlus(day, 1));
    await handle.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(eq(teamMemberships.userId, world.users.teamMember.id));
    const later = await enqueueActionDueNotices(handle.db, at("13:00"));
    expect(later).toContain(world.users.lead.id);
    expect(later).not.toContain(world.users.teamMember.id);
  });

  it("names the family in the email only where the authority allows it", async () => {
    const world = await buildScenario(handle.db);
    await handle.db
      .update(localAuthorities)
      .set({ noticeFamilyNames: true })
      .where(eq(localAuthorities.id, world.authority.id));
    const { day, at } = ownDay();
    await actionDueOn(world, dayPlus(day, 1));
    await enqueueActionDueNotices(handle.db, at("12:00"));
    const rows = await noticesOf(world.users.teamMember.id, "action_due");
    expect(rows.map((n) => [n.channel, n.variables.familyName ?? null])).toEqual([
      ["email", world.family.displayName],
      ["in_app", null],
    ]);
  });
});

describe("due tomorrow, to family members who own it", () => {
  it("tells one with an account in plain words, once, at their time; one without is skipped", async () => {
    const world = await buildScenario(handle.db);
    await handle.db
      .update(localAuthorities)
      .set({ noticeFamilyNames: true })
      .where(eq(localAuthorities.id, world.authority.id));
    const { day, at } = ownDay();
    const outcome = await buildOutcome(handle.db, {
      familyId: world.family.id,
      createdBy: world.users.lead.id,
    });
    const withoutAccount = await buildMember(handle.db, { familyId: world.family.id });
    const action = await buildAction(handle.db, {
      familyId: world.family.id,
      outcomeId: outcome.id,
      createdBy: world.users.lead.id,
      dueDate: dayPlus(day, 1),
      owners: [{ memberId: world.members.parent.id }, { memberId: withoutAccount.id }],
    });
    const parent = world.users.parentUser.id;
    await saveNoticePreferences(
      handle.db,
      parent,
      { digestTime: "18:00", emailOff: [] },
      new Date(),
    );
    expect(await enqueueActionDueNotices(handle.db, at("12:00"))).not.toContain(parent);
    expect(await enqueueActionDueNotices(handle.db, at("18:00"))).toContain(parent);
    expect(await enqueueActionDueNotices(handle.db, at("19:00"))).not.toContain(parent);
    const rows = await noticesOf(parent, "action_due");
    expect(rows.map((n) => [n.channel, n.idempotencyKey, n.variables])).toEqual(
      (["email", "in_app"] as const).map((channel) => [
        channel,
        `action_due:${action.id}:${action.dueDate}:${parent}:${channel}`,
        {
          actionId: action.id,
          familyId: world.family.id,
          dueDate: action.dueDate,
          audience: "family",
        },
      ]),
    );
    const toNobody = await handle.db
      .select()
      .from(notices)
      .where(eq(notices.recipientMemberId, withoutAccount.id));
    expect(toNobody).toEqual([]);
  });
});

describe("the daily digest", () => {
  it("goes to a lead with overdue actions or a meeting due, once a day, at their time", async () => {
    const world = await buildScenario(handle.db);
    const { day, at } = ownDay();
    await actionDueOn(world, dayPlus(day, -3));
    await dateCurrentEpisode(handle.db, world.family.id, {
      openedAt: new Date(`${dayPlus(day, -60)}T09:00:00Z`),
      planInPlaceAt: new Date(`${dayPlus(day, -30)}T09:00:00Z`),
    });
    const lead = world.users.lead.id;
    expect((await enqueueDailyDigests(handle.db, at("07:00"))).sentTo).not.toContain(lead);
    expect((await enqueueDailyDigests(handle.db, at("08:00"))).sentTo).toContain(lead);
    expect((await enqueueDailyDigests(handle.db, at("20:00"))).sentTo).not.toContain(lead);

    const rows = await noticesOf(lead, "daily_digest");
    expect(rows.map((n) => [n.channel, n.idempotencyKey, n.variables])).toEqual([
      ["email", `daily_digest:${lead}:${day}:email`, { day, overdueActions: 1, reviewsDue: 1 }],
      ["in_app", `daily_digest:${lead}:${day}:in_app`, { day, overdueActions: 1, reviewsDue: 1 }],
    ]);
    // Team members get no digest: it is the lead's.
    expect(await noticesOf(world.users.teamMember.id, "daily_digest")).toEqual([]);

    const next = dayPlus(day, 1);
    expect((await enqueueDailyDigests(handle.db, new Date(`${next}T08:00:00Z`))).sentTo).toContain(
      lead,
    );
  });

  it("sends nothing when there is nothing in it, and considers the person once that day", async () => {
    const world = await buildScenario(handle.db);
    const { day, at } = ownDay();
    await actionDueOn(world, dayPlus(day, 5));
    // The next meeting is booked: no meeting is due with none booked.
    await buildMeeting(handle.db, {
      familyId: world.family.id,
      chairUserId: world.users.lead.id,
      state: "scheduled",
    });
    const lead = world.users.lead.id;
    expect((await enqueueDailyDigests(handle.db, at("09:00"))).sentTo).not.toContain(lead);
    expect(await noticesOf(lead, "daily_digest")).toEqual([]);
    const runs = await handle.db
      .select()
      .from(dailyDigestRuns)
      .where(and(eq(dailyDigestRuns.userId, lead), eq(dailyDigestRuns.day, day)));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.noticeId).toBeNull();
  });

  it("is written once however many nodes run the same pass at once", async () => {
    const world = await buildScenario(handle.db);
    const { day, at } = ownDay();
    await actionDueOn(world, dayPlus(day, -1));
    const lead = world.users.lead.id;
    await Promise.all([
      enqueueDailyDigests(handle.db, at("12:00")),
      enqueueDailyDigests(handle.db, at("12:00")),
      enqueueDailyDigests(handle.db, at("12:01")),
    ]);
    const rows = await handle.db
      .select({ key: notices.idempotencyKey })
      .from(notices)
      .where(like(notices.idempotencyKey, `daily_digest:${lead}:%`));
    expect(rows.filter((r) => r.key.includes(day))).toHaveLength(2);
  });
});
