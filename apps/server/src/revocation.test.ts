import { teamMemberships } from "@teamaround/db";
import { buildMeeting, buildScenario, type Scenario } from "@teamaround/db/testing";
import { revocationReasons } from "@teamaround/domain";
import { createRedisEventBus } from "@teamaround/events";
import { createDroppingEventBus, redisUrlForTests, uniquePrefix } from "@teamaround/events/testing";
import {
  type Client,
  connectClient,
  connection,
  cookieFor,
  type MeetingClient,
  meetingClient,
  send,
} from "@teamaround/realtime/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { http, startTestServer, type TestServer } from "./testing/test-server";

// The design's bound is 5 s; the wait allows a machine four times slower. No
// assertion on the time taken: where only the event may close the connection,
// the re-check is set to 60 s, well beyond this wait.
const waitMs = 20_000;
const latencies: Record<string, number[]> = { event: [], recheck: [], redis: [] };
afterAll(() => {
  for (const [how, ms] of Object.entries(latencies)) {
    if (ms.length === 0) continue;
    const sorted = [...ms].sort((a, b) => a - b);
    console.info(
      `revocation via ${how}: ${sorted.map((m) => Math.round(m)).join(", ")} ms (worst ${Math.round(sorted.at(-1) ?? 0)})`,
    );
  }
});

interface Live {
  s: Scenario;
  lead: string;
  practitioner: string;
  plan: Client;
  leadPlan: Client;
  meeting: MeetingClient;
  revoked: Promise<{ reason: string; familyId: string | null }>;
}

const open: { close(): void }[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

function within<T>(promise: Promise<T>, what: string, ms = waitMs): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms),
    ),
  ]);
}

/** The team member (in the team on consent) editing the plan and in a live meeting; the lead too. */
async function liveWorld(server: TestServer): Promise<Live> {
  const db = server.handle.db;
  const s = await buildScenario(db);
  const meeting = await buildMeeting(db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "live",
    invitedUserIds: [s.users.teamMember.id],
  });
  const lead = await cookieFor(db, s.users.lead.id);
  const practitioner = await cookieFor(db, s.users.teamMember.id);
  const docName = `plan:${s.family.id}`;
  const plan = connectClient(server.yjsUrl, docName, practitioner);
  const leadPlan = connectClient(server.yjsUrl, docName, lead);
  open.push({ close: () => plan.destroy() }, { close: () => leadPlan.destroy() });
  await within(Promise.all([plan.synced, leadPlan.synced]), "sync");
  const socket = meetingClient(server.url, practitioner);
  open.push({ close: () => socket.close() });
  expect(await connection(socket)).toEqual({ ok: true });
  expect(await send(socket, "meeting:join", { meetingId: meeting.id })).toMatchObject({ ok: true });
  const revoked = new Promise<{ reason: string; familyId: string | null }>((resolve) =>
    socket.once("access:revoked", resolve),
  );
  return { s, lead, practitioner, plan, leadPlan, meeting: socket, revoked };
}

/** Runs the change, then waits for both live connections to close; answers how long it took (printed, not asserted). */
async function revokedBy(live: Live, change: () => Promise<{ status: number }>) {
  const disconnected = new Promise<string>((resolve) => live.meeting.once("disconnect", resolve));
  const started = performance.now();
  const { status } = await change();
  expect(status).toBeLessThan(300);
  const [closed, revoked, why] = await within(
    Promise.all([live.plan.closed, live.revoked, disconnected]),
    "closing the live connections",
  );
  const ms = performance.now() - started;
  return { closed, revoked, why, ms };
}

const membershipOf = async (server: TestServer, s: Scenario) => {
  const [row] = await server.handle.db
    .select({ id: teamMemberships.id })
    .from(teamMemberships)
    .where(
      and(
        eq(teamMemberships.familyId, s.family.id),
        eq(teamMemberships.userId, s.users.teamMember.id),
      ),
    );
  return row?.id ?? "";
};

describe("revocation through the API's events", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The re-check is slowed right down, so only the event can close in time.
    server = await startTestServer({ accessRecheckMs: 60_000 });
  });
  afterAll(() => server.close());

  const expectClosed = (
    result: Awaited<ReturnType<typeof revokedBy>>,
    code: number,
    reason: string,
  ) => {
    expect(result.closed).toEqual({ code, reason });
    expect(result.revoked.reason).toBe(reason);
    expect(result.why).toBe("io server disconnect");
    latencies.event?.push(result.ms);
  };

  it("consent withdrawal closes the practitioner's document and meeting, not the lead's", async () => {
    const live = await liveWorld(server);
    const { s } = live;
    const result = await revokedBy(live, () =>
      http(server, "POST", `/api/families/${s.family.id}/consents/${s.consent.id}/withdraw`, {
        cookie: live.lead,
        body: { reason: "The family asked us to stop sharing" },
      }),
    );
    expectClosed(result, 4403, revocationReasons.consentWithdrawn);
    expect(result.revoked.familyId).toBe(s.family.id);
    expect(live.leadPlan.provider.wsconnected).toBe(true);
  });

  it("team removal", async () => {
    const live = await liveWorld(server);
    const { s } = live;
    const membershipId = await membershipOf(server, s);
    const result = await revokedBy(live, () =>
      http(server, "POST", `/api/families/${s.family.id}/team/${membershipId}/remove`, {
        cookie: live.lead,
        body: { reason: "Work finished" },
      }),
    );
    expectClosed(result, 4403, revocationReasons.removedFromTeam);
    expect(live.leadPlan.provider.wsconnected).toBe(true);
  });

  it("sign-out closes that session's connections with 4401", async () => {
    const live = await liveWorld(server);
    const result = await revokedBy(live, () =>
      http(server, "POST", "/api/auth/sign-out", { cookie: live.practitioner }),
    );
    expectClosed(result, 4401, revocationReasons.signedOut);
  });

  it("deactivation closes every connection of the person", async () => {
    const live = await liveWorld(server);
    const { s } = live;
    const admin = await cookieFor(server.handle.db, s.users.administrator.id);
    const result = await revokedBy(live, () =>
      http(server, "POST", `/api/users/${s.users.teamMember.id}/deactivate`, {
        cookie: admin,
        body: { reason: "Left the service" },
      }),
    );
    expectClosed(result, 4403, revocationReasons.accountDeactivated);
    expect(live.leadPlan.provider.wsconnected).toBe(true);
  });
});

describe("the safety net: every event lost, the periodic re-check still closes in time", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ events: createDroppingEventBus() });
  });
  afterAll(() => server.close());

  const expectClosed = (
    result: Awaited<ReturnType<typeof revokedBy>>,
    code: number,
    reason: string,
  ) => {
    expect(result.closed).toEqual({ code, reason });
    expect(result.revoked.reason).toBe(reason);
    latencies.recheck?.push(result.ms);
  };

  it("consent withdrawal", async () => {
    const live = await liveWorld(server);
    const { s } = live;
    const result = await revokedBy(live, () =>
      http(server, "POST", `/api/families/${s.family.id}/consents/${s.consent.id}/withdraw`, {
        cookie: live.lead,
        body: { reason: "The family asked us to stop sharing" },
      }),
    );
    expectClosed(result, 4403, revocationReasons.accessEnded);
    expect(live.leadPlan.provider.wsconnected).toBe(true);
  });

  it("team removal", async () => {
    const live = await liveWorld(server);
    const { s } = live;
    const membershipId = await membershipOf(server, s);
    const result = await revokedBy(live, () =>
      http(server, "POST", `/api/families/${s.family.id}/team/${membershipId}/remove`, {
        cookie: live.lead,
        body: { reason: "Work finished" },
      }),
    );
    expectClosed(result, 4403, revocationReasons.accessEnded);
  });

  it("sign-out and deactivation end the session", async () => {
    const signingOut = await liveWorld(server);
    const signedOut = await revokedBy(signingOut, () =>
      http(server, "POST", "/api/auth/sign-out", { cookie: signingOut.practitioner }),
    );
    expectClosed(signedOut, 4401, "Your session has ended. Please sign in again.");

    const live = await liveWorld(server);
    const admin = await cookieFor(server.handle.db, live.s.users.administrator.id);
    const deactivated = await revokedBy(live, () =>
      http(server, "POST", `/api/users/${live.s.users.teamMember.id}/deactivate`, {
        cookie: admin,
        body: { reason: "Left the service" },
      }),
    );
    expectClosed(deactivated, 4401, "Your session has ended. Please sign in again.");
  });
});

describe.skipIf(!process.env.REDIS_URL)(
  "revocation with REDIS_URL: events through Redis, rooms shared",
  () => {
    let server: TestServer;
    beforeAll(async () => {
      const url = redisUrlForTests();
      const events = createRedisEventBus({ url, channel: uniquePrefix("events") });
      await events.ready;
      const redis = { url, keyPrefix: uniquePrefix("server") };
      server = await startTestServer({ events, redis, accessRecheckMs: 60_000 });
    });
    afterAll(() => server.close());

    it("consent withdrawal", async () => {
      const live = await liveWorld(server);
      const { s } = live;
      const result = await revokedBy(live, () =>
        http(server, "POST", `/api/families/${s.family.id}/consents/${s.consent.id}/withdraw`, {
          cookie: live.lead,
          body: { reason: "The family asked us to stop sharing" },
        }),
      );
      expect(result.closed).toEqual({ code: 4403, reason: revocationReasons.consentWithdrawn });
      expect(result.revoked.reason).toBe(revocationReasons.consentWithdrawn);
      latencies.redis?.push(result.ms);
    });
  },
);
