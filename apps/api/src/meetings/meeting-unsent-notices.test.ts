import { auditEvents, notices, users } from "@teamaround/db";
import { buildMember, buildScenario, type Scenario } from "@teamaround/db/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@teamaround/notices/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendDueNotices } from "../testing/send-due-notices";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

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

const inDays = (days: number) =>
  new Date(api.clock.now.getTime() + days * 86_400_000).toISOString();
const meetingsPath = (s: Scenario) => `/api/families/${s.family.id}/meetings`;

describe("invitees a meeting's notices could not reach", () => {
  it("are recorded when it is booked, moved or cancelled, and shown to the lead", async () => {
    const s = await buildScenario(api.deps.db);
    const alex = await buildMember(api.deps.db, {
      familyId: s.family.id,
      givenName: "Alex",
      familyName: "Hart",
      email: null,
    });
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const booked = await call(api, "POST", meetingsPath(s), {
      cookie,
      body: {
        kind: "initial",
        scheduledFor: inDays(7),
        agenda: [{ title: "Welcome" }],
        invitees: [
          { userId: s.users.teamMember.id },
          { memberId: s.members.parent.id },
          { memberId: alex.id },
        ],
      },
    });
    expect(booked.status, JSON.stringify(booked.json)).toBe(201);
    const meeting = booked.json.data as { id: string; version: number };
    const unsentPath = `${meetingsPath(s)}/${meeting.id}/unsent-notices`;

    const afterBooking = await call(api, "GET", unsentPath, { cookie });
    expect(afterBooking.status).toBe(200);
    expect(afterBooking.json.data).toEqual([
      expect.objectContaining({
        name: "Alex Hart",
        kind: "family_member",
        reason: "no_email_address",
        change: "booked",
      }),
    ]);
    // Recorded as failed in the outbox, never sent, and audited like every notice.
    const [row] = await api.deps.db
      .select()
      .from(notices)
      .where(eq(notices.recipientMemberId, alex.id));
    expect(row).toMatchObject({ status: "failed", lastError: "no email address" });
    const failed = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "notice.failed"), eq(auditEvents.resourceId, row?.id ?? "")),
      );
    expect(failed).toHaveLength(1);

    // The others' mail goes out, but the mail server refuses one of them for good.
    smtp.refuseNext(1, 550);
    await sendDueNotices(api, smtp.url);
    const afterSending = await call(api, "GET", unsentPath, { cookie });
    // One of the three emails was refused for good (which one depends on the order sent).
    const reasons = afterSending.json.data.map((u: { reason: string }) => u.reason).sort();
    expect(reasons).toEqual(["no_email_address", "not_delivered"]);

    const moved = await call(api, "PATCH", `${meetingsPath(s)}/${meeting.id}`, {
      cookie,
      body: { version: meeting.version, scheduledFor: inDays(9) },
    });
    expect(moved.status).toBe(200);
    await sendDueNotices(api, smtp.url);
    const afterMove = await call(api, "GET", unsentPath, { cookie });
    // Each person's latest: the move reached everyone with an address.
    expect(afterMove.json.data).toEqual([
      expect.objectContaining({ name: "Alex Hart", reason: "no_email_address", change: "moved" }),
    ]);

    const cancelled = await call(api, "POST", `${meetingsPath(s)}/${meeting.id}/cancel`, {
      cookie,
      body: { version: moved.json.data.version },
    });
    expect(cancelled.status).toBe(200);
    const afterCancel = await call(api, "GET", unsentPath, { cookie });
    expect(afterCancel.json.data).toEqual([
      expect.objectContaining({ name: "Alex Hart", change: "cancelled" }),
    ]);
  });

  it("does not email a family member whose portal account was closed, and shows the lead why", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db
      .update(users)
      .set({ status: "deactivated" })
      .where(eq(users.id, s.users.parentUser.id));
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const booked = await call(api, "POST", meetingsPath(s), {
      cookie,
      body: {
        kind: "initial",
        scheduledFor: inDays(7),
        agenda: [{ title: "Welcome" }],
        invitees: [{ userId: s.users.teamMember.id }, { memberId: s.members.parent.id }],
      },
    });
    expect(booked.status, JSON.stringify(booked.json)).toBe(201);
    await sendDueNotices(api, smtp.url);
    await smtp.waitFor(2);
    const recipients = smtp.received.flatMap((mail) => mail.envelopeTo);
    expect(recipients).toContain(s.users.teamMember.email);
    expect(recipients).not.toContain(s.users.parentUser.email);
    expect(recipients).not.toContain(s.members.parent.email);
    const unsent = await call(
      api,
      "GET",
      `${meetingsPath(s)}/${booked.json.data.id}/unsent-notices`,
      { cookie },
    );
    expect(unsent.json.data).toEqual([
      expect.objectContaining({ kind: "family_member", reason: "account_not_active" }),
    ]);
  });

  it("answers 404 for a meeting of another family, and 403 to the team", async () => {
    const s = await buildScenario(api.deps.db);
    const other = await buildScenario(api.deps.db);
    const cookie = await sessionCookieFor(api, s.users.lead.id);
    const booked = await call(api, "POST", meetingsPath(other), {
      cookie: await sessionCookieFor(api, other.users.lead.id),
      body: {
        kind: "initial",
        scheduledFor: inDays(7),
        agenda: [{ title: "Welcome" }],
        invitees: [],
      },
    });
    expect(booked.status).toBe(201);
    const foreign = await call(
      api,
      "GET",
      `${meetingsPath(s)}/${booked.json.data.id}/unsent-notices`,
      { cookie },
    );
    expect(foreign.status).toBe(404);
    const team = await call(
      api,
      "GET",
      `${meetingsPath(other)}/${booked.json.data.id}/unsent-notices`,
      { cookie: await sessionCookieFor(api, other.users.teamMember.id) },
    );
    expect(team.status).toBe(403);
  });
});
