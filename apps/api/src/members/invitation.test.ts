import { hashToken } from "@teamaround/auth";
import { auditEvents, familyMembers, invitations, users } from "@teamaround/db";
import { buildMember, buildScenario, buildUser } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "../shared/dates";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const yearsAgo = (years: number, days = 0) => {
  const d = new Date(api.clock.now.getTime() - days * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return isoDay(d);
};

async function world() {
  const s = await buildScenario(api.deps.db);
  const carer = await buildMember(api.deps.db, {
    familyId: s.family.id,
    kind: "adult",
    givenName: "Jo",
    familyName: "Ashdown",
    relationship: "father",
    parentalResponsibility: true,
  });
  const lead = await sessionCookieFor(api, s.users.lead.id);
  const pathFor = (memberId: string) =>
    `/api/families/${s.family.id}/members/${memberId}/invitation`;
  const email = `jo.${carer.id}@example.test`;
  return { s, carer, lead, pathFor, email };
}

const memberRow = async (id: string) =>
  (await api.deps.db.select().from(familyMembers).where(eq(familyMembers.id, id)))[0];

/** Runs `fn` with the API's log captured (and, if asked, configured as production). */
async function withCapturedLog<T>(production: boolean, fn: () => Promise<T>) {
  const lines: string[] = [];
  const { logger, config } = api.deps;
  const nodeEnv = config.nodeEnv;
  api.deps.logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
  config.nodeEnv = production ? "production" : "development";
  try {
    return { result: await fn(), log: lines.join("") };
  } finally {
    api.deps.logger = logger;
    config.nodeEnv = nodeEnv;
  }
}

describe("POST /api/families/{familyId}/members/{memberId}/invitation", () => {
  it("creates an invited family-portal account, links it, and returns a 7-day link outside production", async () => {
    const { s, carer, lead, pathFor, email } = await world();
    const { result: res, log } = await withCapturedLog(false, () =>
      call(api, "POST", pathFor(carer.id), { cookie: lead, body: { email: email.toUpperCase() } }),
    );
    expect(res.status).toBe(201);
    const { userId, expiresAt, setPasswordUrl } = res.json.data;
    expect(new Date(expiresAt).getTime() - api.clock.now.getTime()).toBe(7 * 86_400_000);
    expect(setPasswordUrl).toMatch(new RegExp(`^${testOrigin}/set-password\\?token=`));
    expect(log).toContain(setPasswordUrl);

    const [user] = await api.deps.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({
      email,
      role: "family_member",
      agencyId: null,
      status: "invited",
      authorityId: s.family.authorityId,
      passwordHash: null,
    });
    expect(await memberRow(carer.id)).toMatchObject({ userId, version: 2 });
    const token = decodeURIComponent(new URL(setPasswordUrl).searchParams.get("token") ?? "");
    const [invitation] = await api.deps.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, hashToken(token)));
    expect(invitation).toMatchObject({ userId, usedAt: null, createdBy: s.users.lead.id });
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "invitation.create"), eq(auditEvents.familyId, s.family.id)),
      );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).not.toContain(token);
  });

  it("in production neither returns nor logs the link", async () => {
    const { carer, lead, pathFor, email } = await world();
    const { result: res, log } = await withCapturedLog(true, () =>
      call(api, "POST", pathFor(carer.id), { cookie: lead, body: { email } }),
    );
    expect(res.status).toBe(201);
    expect(res.json.data.setPasswordUrl).toBeUndefined();
    expect(Object.keys(res.json.data).sort()).toEqual(["expiresAt", "userId"]);
    expect(log).not.toContain("token=");
  });

  it("re-inviting reuses the account and retires the earlier link", async () => {
    const { carer, lead, pathFor, email } = await world();
    const first = await call(api, "POST", pathFor(carer.id), { cookie: lead, body: { email } });
    const second = await call(api, "POST", pathFor(carer.id), { cookie: lead, body: { email } });
    expect(second.status).toBe(201);
    expect(second.json.data.userId).toBe(first.json.data.userId);
    const rows = await api.deps.db
      .select()
      .from(invitations)
      .where(eq(invitations.userId, first.json.data.userId));
    expect(rows.filter((r) => r.usedAt === null)).toHaveLength(1);
  });

  it("invites a young person of 13", async () => {
    const { s, lead, pathFor } = await world();
    const teen = await buildMember(api.deps.db, {
      familyId: s.family.id,
      kind: "child",
      dateOfBirth: yearsAgo(13),
    });
    const res = await call(api, "POST", pathFor(teen.id), {
      cookie: lead,
      body: { email: `teen.${teen.id}@example.test` },
    });
    expect(res.status).toBe(201);
  });

  it.each([
    ["a 10-year-old", () => ({ kind: "child" as const, dateOfBirth: yearsAgo(10) })],
    [
      "a child a day short of 13",
      () => ({ kind: "child" as const, dateOfBirth: yearsAgo(13, -1) }),
    ],
    ["an adult without parental responsibility", () => ({ relationship: "uncle" })],
  ])("refuses %s with 422 and creates no account", async (_label, shape) => {
    const { s, lead, pathFor } = await world();
    const member = await buildMember(api.deps.db, { familyId: s.family.id, ...shape() });
    const email = `nobody.${member.id}@example.test`;
    const res = await call(api, "POST", pathFor(member.id), { cookie: lead, body: { email } });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ path: "memberId", message: expect.any(String) }]);
    expect(await api.deps.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect((await memberRow(member.id))?.userId).toBeNull();
  });

  it("refuses an email already used by another account with 409, changing nothing", async () => {
    const { s, carer, lead, pathFor } = await world();
    const res = await call(api, "POST", pathFor(carer.id), {
      cookie: lead,
      body: { email: s.users.outsider.email },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/already used by another account/);
    expect(await memberRow(carer.id)).toMatchObject({ userId: null, version: 1 });
  });

  it("refuses to re-invite someone whose account is already in use (409)", async () => {
    const { s, lead, pathFor } = await world();
    const res = await call(api, "POST", pathFor(s.members.parent.id), {
      cookie: lead,
      body: { email: `new.${s.members.parent.id}@example.test` },
    });
    expect(res.status).toBe(409);
    const [user] = await api.deps.db
      .select()
      .from(users)
      .where(eq(users.id, s.users.parentUser.id));
    expect(user?.email).toBe(s.users.parentUser.email);
  });

  it("answers 404 for a member of another family", async () => {
    const { s, lead, pathFor } = await world();
    const res = await call(api, "POST", pathFor(s.otherParent.id), {
      cookie: lead,
      body: { email: `x.${s.otherParent.id}@example.test` },
    });
    expect(res.status).toBe(404);
  });

  it("lets only the lead invite (403 for a team member) and refuses a bad email (400)", async () => {
    const { s, carer, lead, pathFor, email } = await world();
    const asMember = await call(api, "POST", pathFor(carer.id), {
      cookie: await sessionCookieFor(api, s.users.teamMember.id),
      body: { email },
    });
    expect(asMember.status).toBe(403);
    const bad = await call(api, "POST", pathFor(carer.id), {
      cookie: lead,
      body: { email: "not-an-email" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([{ path: "email", message: expect.any(String) }]);
  });

  it("an administrator's staff account cannot be claimed by inviting its address", async () => {
    const { s, carer, lead, pathFor } = await world();
    const staff = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "administrator",
      status: "invited",
    });
    const res = await call(api, "POST", pathFor(carer.id), {
      cookie: lead,
      body: { email: staff.email },
    });
    expect(res.status).toBe(409);
  });
});
