import { enqueueSignOffWaiting, families, users } from "@teamaround/db";
import { buildScenario, type Scenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

// Requests for help and sign-off in the in-app list: a link to the exact thing
// while the reader may still see it, and nothing of it once they may not.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface Listed {
  kind: string;
  link: string | null;
  accessEnded: boolean;
  familyName: string | null;
}

async function myNotices(userId: string, kind: string): Promise<Listed[]> {
  const res = await call(api, "GET", "/api/me/notifications", {
    cookie: await sessionCookieFor(api, userId),
  });
  expect(res.status).toBe(200);
  return (res.json.data as Listed[]).filter((n) => n.kind === kind);
}

async function ask(s: Scenario) {
  const res = await call(api, "POST", "/api/help-requests", {
    cookie: await sessionCookieFor(api, s.users.outsider.id),
    body: {
      receivingAgencyId: s.agencies.school.id,
      familyName: "The Ashdown family",
      children: [{ givenName: "Mia", familyName: "Ashdown" }],
      requesterKind: "practitioner",
      requestedOn: api.clock.now.toISOString().slice(0, 10),
      worries: "Mia is often late and hungry.",
      familyKnows: true,
      familyAgrees: true,
    },
  });
  expect(res.status).toBe(201);
  return res.json.data.id as string;
}

describe("a request for help's notices link to the request", () => {
  it("for the manager asked and the person who asked, until the manager leaves the service", async () => {
    const s = await buildScenario(api.deps.db);
    const requestId = await ask(s);
    const [received] = await myNotices(s.users.manager.id, "help_request_received");
    expect(received).toMatchObject({
      link: `/requests/${requestId}`,
      accessEnded: false,
      familyName: null,
    });

    const triaged = await call(api, "POST", `/api/help-requests/${requestId}/triage`, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
      body: { decision: "not_accepted", reason: "Not for us", version: 1 },
    });
    expect(triaged.status).toBe(200);
    const [outcome] = await myNotices(s.users.outsider.id, "help_request_outcome");
    expect(outcome).toMatchObject({ link: `/requests/${requestId}`, accessEnded: false });

    // The manager moves to another service: the request is no longer theirs to see.
    await api.deps.db
      .update(users)
      .set({ agencyId: s.agencies.housing.id })
      .where(eq(users.id, s.users.manager.id));
    const [after] = await myNotices(s.users.manager.id, "help_request_received");
    expect(after).toMatchObject({ link: null, accessEnded: true, familyName: null });
    const gone = await call(api, "GET", `/api/help-requests/${requestId}`, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
    });
    expect(gone.status).toBe(404);
  });
});

describe("sign-off's notices link to what waits", () => {
  it("the plan's and the closure's sign-off, until the case leaves the manager's service", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db.transaction(async (tx) => {
      for (const subject of ["plan", "closure"] as const) {
        await enqueueSignOffWaiting(tx, {
          authorityId: s.authority.id,
          createdBy: s.users.lead.id,
          now: api.clock.now,
          familyId: s.family.id,
          subject,
          key: `${subject}:${s.family.id}`,
        });
      }
    });
    const waiting = await myNotices(s.users.manager.id, "sign_off_waiting");
    expect(waiting.map((n) => n.link).sort()).toEqual([
      `/families/${s.family.id}#closure-sign-off`,
      `/families/${s.family.id}/plan#plan-sign-off`,
    ]);
    expect(waiting.every((n) => n.familyName === s.family.displayName)).toBe(true);

    // Another service holds the case now: no link, no family.
    await api.deps.db
      .update(families)
      .set({ owningAgencyId: s.agencies.housing.id })
      .where(eq(families.id, s.family.id));
    const after = await myNotices(s.users.manager.id, "sign_off_waiting");
    expect(after).toHaveLength(2);
    for (const notice of after) {
      expect(notice).toMatchObject({ link: null, accessEnded: true, familyName: null });
    }
  });
});
