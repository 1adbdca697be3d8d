import { auditEvents, teamMemberships } from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { type Notice, revocationReasons } from "@teamaround/domain";
import { createRedisEventBus } from "@teamaround/events";
import { createDroppingEventBus, redisUrlForTests, uniquePrefix } from "@teamaround/events/testing";
import {
  connection,
  cookieFor,
  type MeetingClient,
  meetingClient,
  next,
  send,
} from "@teamaround/realtime/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { http, startTestServer, type TestServer } from "./testing/test-server";

/**
 * `family:watch` end to end: changes made through the API reach the sockets
 * watching the family (plan page, family view) with the meeting room's
 * audience rule, and revocation stops them.
 */
const open: MeetingClient[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

async function connected(
  server: TestServer,
  userId: string,
  cookie?: string,
): Promise<MeetingClient> {
  const client = meetingClient(server.url, cookie ?? (await cookieFor(server.handle.db, userId)));
  open.push(client);
  expect(await connection(client)).toEqual({ ok: true });
  return client;
}

async function watcher(server: TestServer, userId: string, familyId: string, cookie?: string) {
  const client = await connected(server, userId, cookie);
  expect(await send(client, "family:watch", { familyId })).toEqual({
    ok: true,
    data: { familyId },
  });
  return client;
}

/** Everything a socket hears as `notice`, in order. */
function heard(client: MeetingClient): Notice[] {
  const notices: Notice[] = [];
  client.on("notice", (notice) => notices.push(notice));
  return notices;
}

async function addOutcome(server: TestServer, s: Scenario, title: string) {
  const cookie = await cookieFor(server.handle.db, s.users.lead.id);
  const res = await http(server, "POST", `/api/families/${s.family.id}/outcomes`, {
    cookie,
    body: {
      area: "education",
      title,
      measure: "Attendance above 95% for six weeks",
      targetDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    },
  });
  expect(res.status).toBe(201);
  return (res.json as { data: { id: string } }).data.id;
}

/** Adds an outcome and waits until `watching` is told of it. */
async function addOutcomeHeard(
  server: TestServer,
  s: Scenario,
  title: string,
  watching: MeetingClient,
) {
  const notice = next(watching, "notice", (n) => n.resource === "outcome");
  const id = await addOutcome(server, s, title);
  expect(await notice).toMatchObject({ familyId: s.family.id, id, change: "created" });
  return id;
}

describe("family:watch through the API's events", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The re-check is slowed right down: only the events act here.
    server = await startTestServer({ accessRecheckMs: 60_000 });
  });
  afterAll(() => server.close());

  it("a change reaches the staff member and the parent; a staff-only one the staff alone", async () => {
    const s = await buildScenario(server.handle.db);
    const staff = await watcher(server, s.users.teamMember.id, s.family.id);
    const parent = await watcher(server, s.users.parentUser.id, s.family.id);
    const parentHeard = heard(parent);

    const staffNotice = next(staff, "notice", (n) => n.resource === "outcome");
    const parentNotice = next(parent, "notice", (n) => n.resource === "outcome");
    const outcomeId = await addOutcome(server, s, "Jo goes to school every day");
    const expected = { familyId: s.family.id, resource: "outcome", id: outcomeId };
    expect(await staffNotice).toMatchObject({ ...expected, change: "created" });
    expect(await parentNotice).toMatchObject({ ...expected, change: "created" });

    // A register entry: hidden-from-family records are announced to staff only.
    const shared = next(staff, "notice", (n) => n.resource === "sharing");
    const share = await http(server, "POST", `/api/families/${s.family.id}/sharing`, {
      cookie: await cookieFor(server.handle.db, s.users.teamMember.id),
      body: {
        informationKind: "health",
        summary: "Outcome of the school nurse review",
        toAgencyId: s.agencies.health.id,
        toPerson: "Health visitor",
        purpose: "Plan support at home",
        sharedAt: new Date().toISOString(),
        consentId: s.consent.id,
        familyTold: true,
      },
    });
    expect(share.status).toBe(201);
    expect(await shared).toMatchObject({ familyId: s.family.id, resource: "sharing" });
    // A later change the parent does hear: anything sent to them before it has arrived.
    await addOutcomeHeard(server, s, "Alex has help with the rent", parent);
    expect(parentHeard.map((n) => n.resource)).toEqual(["outcome", "outcome"]);
  });

  it("refuses another family's id exactly as an unknown one, and bad payloads, hearing nothing", async () => {
    const s = await buildScenario(server.handle.db);
    const other = await connected(server, s.users.otherParentUser.id);
    const outsider = await connected(server, s.users.outsider.id);
    const otherHeard = heard(other);
    const outsiderHeard = heard(outsider);
    const unknown = await send(other, "family:watch", {
      familyId: "5d1f8a52-3c1e-4b7a-9e0d-6f2a1b3c4d5e",
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await send(other, "family:watch", { familyId: s.family.id })).toEqual(unknown);
    expect(await send(outsider, "family:watch", { familyId: s.family.id })).toEqual(unknown);
    for (const payload of [
      { familyId: s.family.id, audience: "staff" },
      { familyId: 42 },
      { familyId: "not-a-uuid" },
      {},
      null,
    ]) {
      const refused = await send(outsider, "family:watch", payload);
      expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    }
    const staff = await watcher(server, s.users.lead.id, s.family.id);
    await addOutcomeHeard(server, s, "Jo goes to school every day", staff);
    // A round trip on each refused socket after the notice: had it been sent them, it came first.
    await send(other, "family:unwatch", { familyId: s.family.id });
    await send(outsider, "family:unwatch", { familyId: s.family.id });
    expect(otherHeard).toEqual([]);
    expect(outsiderHeard).toEqual([]);
    const watches = await server.handle.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "family.watch"), eq(auditEvents.familyId, s.family.id)));
    expect(watches).toEqual([{ actorId: s.users.lead.id }]);
  });

  it("writes one audit event per watch, none per notice; unwatching stops the notices", async () => {
    const s = await buildScenario(server.handle.db);
    const parent = await watcher(server, s.users.parentUser.id, s.family.id);
    // Watching again on the same socket changes nothing.
    await send(parent, "family:watch", { familyId: s.family.id });
    for (const title of ["First outcome", "Second outcome", "Third outcome"]) {
      await addOutcomeHeard(server, s, title, parent);
    }
    const rows = await server.handle.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "family.watch"), eq(auditEvents.familyId, s.family.id)));
    expect(rows).toEqual([{ actorId: s.users.parentUser.id, details: { audience: "family" } }]);

    const notices = heard(parent);
    expect(await send(parent, "family:unwatch", { familyId: s.family.id })).toEqual({
      ok: true,
      data: null,
    });
    const lead = await watcher(server, s.users.lead.id, s.family.id);
    await addOutcomeHeard(server, s, "Fourth outcome", lead);
    await send(parent, "family:unwatch", { familyId: s.family.id });
    expect(notices).toEqual([]);
  });

  it("removal from the team and signing out stop the pushes; the others keep hearing", async () => {
    const s = await buildScenario(server.handle.db);
    const staff = await watcher(server, s.users.teamMember.id, s.family.id);
    const parentCookie = await cookieFor(server.handle.db, s.users.parentUser.id);
    const parent = await watcher(server, s.users.parentUser.id, s.family.id, parentCookie);
    const lead = await watcher(server, s.users.lead.id, s.family.id);
    const [membership] = await server.handle.db
      .select({ id: teamMemberships.id })
      .from(teamMemberships)
      .where(
        and(
          eq(teamMemberships.familyId, s.family.id),
          eq(teamMemberships.userId, s.users.teamMember.id),
        ),
      );
    const revoked = next(staff, "access:revoked");
    const removed = await http(
      server,
      "POST",
      `/api/families/${s.family.id}/team/${membership?.id}/remove`,
      {
        cookie: await cookieFor(server.handle.db, s.users.lead.id),
        body: { reason: "Work finished" },
      },
    );
    expect(removed.status).toBe(200);
    expect(await revoked).toEqual({
      reason: revocationReasons.removedFromTeam,
      familyId: s.family.id,
    });
    await new Promise((resolve) =>
      staff.disconnected ? resolve(null) : staff.once("disconnect", resolve),
    );

    const signedOut = next(parent, "access:revoked");
    await http(server, "POST", "/api/auth/sign-out", { cookie: parentCookie });
    expect(await signedOut).toMatchObject({ reason: revocationReasons.signedOut });

    await addOutcomeHeard(server, s, "Jo goes to school every day", lead);
    expect(staff.connected).toBe(false);
  });
});

describe("family:watch with every event lost: the re-check still stops the pushes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ events: createDroppingEventBus() });
  });
  afterAll(() => server.close());

  it("consent withdrawn: the practitioner's watch ends; the manager's and the lead's stay", async () => {
    const s = await buildScenario(server.handle.db);
    const staff = await watcher(server, s.users.teamMember.id, s.family.id);
    const manager = await watcher(server, s.users.manager.id, s.family.id);
    const lead = await watcher(server, s.users.lead.id, s.family.id);
    const revoked = next(staff, "access:revoked");
    const withdrawn = await http(
      server,
      "POST",
      `/api/families/${s.family.id}/consents/${s.consent.id}/withdraw`,
      {
        cookie: await cookieFor(server.handle.db, s.users.lead.id),
        body: { reason: "The family asked us to stop sharing" },
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(await revoked).toEqual({ reason: revocationReasons.accessEnded, familyId: s.family.id });
    // The same pass looked at every socket: the ones still allowed are still open.
    expect(await send(manager, "family:watch", { familyId: s.family.id })).toMatchObject({
      ok: true,
    });
    expect(await send(lead, "family:watch", { familyId: s.family.id })).toMatchObject({
      ok: true,
    });
  });
});

describe.skipIf(!process.env.REDIS_URL)("family:watch with REDIS_URL: events through Redis", () => {
  let server: TestServer;
  beforeAll(async () => {
    const url = redisUrlForTests();
    const events = createRedisEventBus({ url, channel: uniquePrefix("events") });
    await events.ready;
    const redis = { url, keyPrefix: uniquePrefix("server") };
    server = await startTestServer({ events, redis, accessRecheckMs: 60_000 });
  });
  afterAll(() => server.close());

  it("a change reaches the staff member and the parent watching", async () => {
    const s = await buildScenario(server.handle.db);
    const staff = await watcher(server, s.users.teamMember.id, s.family.id);
    const parent = await watcher(server, s.users.parentUser.id, s.family.id);
    const toParent = next(parent, "notice", (n) => n.resource === "outcome");
    const id = await addOutcomeHeard(server, s, "Jo goes to school every day", staff);
    expect(await toParent).toMatchObject({ familyId: s.family.id, id });
  });
});
