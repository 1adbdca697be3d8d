import { auditEvents, notices } from "@teamaround/db";
import { buildMember, buildScenario } from "@teamaround/db/testing";
import { createLocalTransport, createNoticeWorker } from "@teamaround/notices";
import { and, desc, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { goodPassword } from "../auth/auth-test-support";
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
beforeEach(() => {
  api.deps.config.nodeEnv = "test";
  api.deps.config.noticeTransport = "local";
});

/** One pass of the outbox worker over the API's database, as the server runs it. */
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
    .orderBy(desc(notices.createdAt));

function newStaff(agencyId: string) {
  const tag = Math.random().toString(36).slice(2, 10);
  return {
    email: `staff.${tag}@example.test`,
    displayName: `Staff ${tag}`,
    role: "practitioner",
    agencyId,
  };
}

describe("invitations and password changes are notices", () => {
  it("writes a staff invitation in the invitation's transaction and keeps it in the local outbox", async () => {
    const s = await buildScenario(api.deps.db);
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const res = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newStaff(s.agencies.school.id),
    });
    expect(res.status).toBe(201);
    const userId = res.json.data.id;
    const [notice] = await noticesFor(userId);
    expect(notice).toMatchObject({
      kind: "staff_invitation",
      channel: "email",
      status: "pending",
      authorityId: s.authority.id,
      createdBy: s.users.administrator.id,
      familyId: null,
    });
    const token = new URL(res.json.invitation.setPasswordUrl).searchParams.get("token");
    expect(notice?.variables).toMatchObject({ token });

    await sendNotices();
    const outbox = await call(api, "GET", "/api/admin/outbox", { cookie: admin });
    expect(outbox.status).toBe(200);
    expect(outbox.json.transport).toBe("local");
    const message = outbox.json.data.find((m: { noticeId: string }) => m.noticeId === notice?.id);
    expect(message).toMatchObject({
      kind: "staff_invitation",
      to: res.json.data.email,
      subject: "Set your Teamaround password",
    });
    expect(message.body).toContain(res.json.invitation.setPasswordUrl);
    const [read] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.event, "notice_outbox.read"),
          eq(auditEvents.actorId, s.users.administrator.id),
        ),
      );
    expect(read?.details).toMatchObject({ noticeIds: expect.arrayContaining([notice?.id]) });
  });

  it("sends nothing for an invitation that was refused", async () => {
    const s = await buildScenario(api.deps.db);
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const taken = { ...newStaff(s.agencies.school.id), email: s.users.lead.email };
    const res = await call(api, "POST", "/api/users", { cookie: admin, body: taken });
    expect(res.status).toBe(409);
    expect(await noticesFor(s.users.lead.id)).toEqual([]);
  });

  it("invites a family member in plain words, tied to their family, and they see it in their demo outbox", async () => {
    const s = await buildScenario(api.deps.db);
    const carer = await buildMember(api.deps.db, {
      familyId: s.family.id,
      kind: "adult",
      givenName: "Jo",
      familyName: "Quillfeather",
      relationship: "father",
      parentalResponsibility: true,
    });
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const res = await call(
      api,
      "POST",
      `/api/families/${s.family.id}/members/${carer.id}/invitation`,
      {
        cookie: lead,
        body: { email: `jo.${carer.id}@example.test` },
      },
    );
    expect(res.status).toBe(201);
    const { userId, setPasswordUrl } = res.json.data;
    const [notice] = await noticesFor(userId);
    expect(notice).toMatchObject({
      kind: "family_invitation",
      familyId: s.family.id,
      createdBy: s.users.lead.id,
    });
    await sendNotices();

    // The parent sets a password and signs in: their outbox holds the invitation and the change.
    const token = new URL(setPasswordUrl).searchParams.get("token");
    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    const set = await call(api, "POST", "/api/auth/set-password", {
      body: { token, password: goodPassword },
    });
    expect(set.status).toBe(200);
    const [changed] = await noticesFor(userId);
    expect(changed).toMatchObject({ kind: "password_changed", variables: { audience: "family" } });
    await sendNotices();

    const parent = await sessionCookieFor(api, userId);
    const mine = await call(api, "GET", "/api/me/outbox", { cookie: parent });
    expect(mine.status).toBe(200);
    expect(mine.json.data.map((m: { kind: string }) => m.kind)).toEqual([
      "password_changed",
      "family_invitation",
    ]);
    const words = JSON.stringify(mine.json.data);
    for (const caseContent of ["Quillfeather", s.family.displayName, s.family.reference]) {
      expect(words).not.toContain(caseContent);
    }
    // Nobody else's outbox holds them.
    const other = await sessionCookieFor(api, s.users.otherParentUser.id);
    const theirs = await call(api, "GET", "/api/me/outbox", { cookie: other });
    expect(theirs.json.data).toEqual([]);
    const [sent] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "notice.sent"), eq(auditEvents.resourceId, notice?.id ?? "")),
      );
    expect(sent).toMatchObject({ familyId: s.family.id });
  });

  it("emails the link instead of showing it once notices go by SMTP or Notify, and has no demo outbox", async () => {
    const s = await buildScenario(api.deps.db);
    api.deps.config.noticeTransport = "smtp";
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const res = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newStaff(s.agencies.school.id),
    });
    expect(res.status).toBe(201);
    expect(res.json.invitation).toEqual({ expiresAt: expect.any(String) });
    expect(await noticesFor(res.json.data.id)).toHaveLength(1);
    const mine = await call(api, "GET", "/api/me/outbox", { cookie: admin });
    expect(mine.status).toBe(404);
    const outbox = await call(api, "GET", "/api/admin/outbox", { cookie: admin });
    expect(outbox.json.transport).toBe("smtp");
  });

  it("has no demo outbox in production", async () => {
    const s = await buildScenario(api.deps.db);
    api.deps.config.nodeEnv = "production";
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const mine = await call(api, "GET", "/api/me/outbox", { cookie: lead });
    expect(mine.status).toBe(404);
    expect(mine.json.error.code).toBe("not_found");
  });

  it("shows an administrator only their own authority's outbox", async () => {
    const s = await buildScenario(api.deps.db);
    const elsewhere = await buildScenario(api.deps.db);
    const otherAdmin = await sessionCookieFor(api, elsewhere.users.administrator.id);
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const res = await call(api, "POST", "/api/users", {
      cookie: admin,
      body: newStaff(s.agencies.school.id),
    });
    await sendNotices();
    const theirs = await call(api, "GET", "/api/admin/outbox", { cookie: otherAdmin });
    expect(theirs.json.data.map((m: { to: string }) => m.to)).not.toContain(res.json.data.email);
  });
});
