import { sessionIdFromToken } from "@teamaround/auth";
import { buildScenario, buildTeamMember } from "@teamaround/db/testing";
import { type RealtimeEvent, revocationReasons } from "@teamaround/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLawfulBasis, teamWorld } from "../team/team-fixtures";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** What the API publishes while `act` runs. */
async function publishedDuring(act: () => Promise<unknown>): Promise<RealtimeEvent[]> {
  const from = api.events.length;
  await act();
  return api.events.slice(from);
}

const sessionIdOf = (cookie: string) => sessionIdFromToken(cookie.split("=")[1] ?? "");
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe("access.revoked, after the change commits", () => {
  it("team removal names the removed practitioner and the family", async () => {
    const { s, membership } = await teamWorld(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const path = `/api/families/${s.family.id}/team/${membership.id}/remove`;
    let status = 0;
    const events = await publishedDuring(async () => {
      status = (await call(api, "POST", path, { cookie: lead, body: { reason: "Left" } })).status;
    });
    expect(status).toBe(200);
    expect(events).toEqual([
      {
        type: "access.revoked",
        familyId: s.family.id,
        userIds: [s.users.teamMember.id],
        reason: revocationReasons.removedFromTeam,
      },
      expect.objectContaining({
        type: "family.changed",
        familyId: s.family.id,
        resource: "team",
        id: membership.id,
        change: "removed",
        by: s.users.lead.id,
      }),
    ]);
    // Removing them again fails inside the transaction: nothing is announced.
    const again = await publishedDuring(() =>
      call(api, "POST", path, { cookie: lead, body: { reason: "Left" } }),
    );
    expect(again).toEqual([]);
  });

  it("consent withdrawal names the practitioners who left with it", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const path = `/api/families/${s.family.id}/consents/${s.consent.id}/withdraw`;
    const events = await publishedDuring(() =>
      call(api, "POST", path, { cookie: lead, body: { reason: "The family asked" } }),
    );
    expect(events[0]).toEqual({
      type: "access.revoked",
      familyId: s.family.id,
      userIds: [s.users.teamMember.id],
      reason: revocationReasons.consentWithdrawn,
    });
    expect(events[1]).toMatchObject({
      type: "family.changed",
      resource: "consent",
      change: "updated",
    });
    const twice = await publishedDuring(() =>
      call(api, "POST", path, { cookie: lead, body: { reason: "Again" } }),
    );
    expect(twice).toEqual([]);
  });

  it("ending a lawful basis names those resting on it; none when nobody was", async () => {
    const s = await buildScenario(api.deps.db);
    const basis = await buildLawfulBasis(api.deps.db, {
      familyId: s.family.id,
      agencyIds: [s.agencies.housing.id],
      decidedBy: s.users.lead.id,
    });
    await buildTeamMember(api.deps.db, {
      familyId: s.family.id,
      userId: s.users.outsider.id,
      lawfulBasisId: basis.id,
    });
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const path = `/api/families/${s.family.id}/lawful-bases/${basis.id}/end`;
    const events = await publishedDuring(() =>
      call(api, "POST", path, { cookie: lead, body: { reason: "Risk has passed" } }),
    );
    expect(events.map((e) => e.type)).toEqual(["access.revoked", "family.changed"]);
    expect(events[0]).toMatchObject({ familyId: s.family.id, userIds: [s.users.outsider.id] });
    const again = await publishedDuring(() =>
      call(api, "POST", path, { cookie: lead, body: { reason: "Again" } }),
    );
    expect(again).toEqual([]);
  });

  it("deactivation names the user everywhere; refusing to deactivate oneself names nobody", async () => {
    const s = await buildScenario(api.deps.db);
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const events = await publishedDuring(() =>
      call(api, "POST", `/api/users/${s.users.teamMember.id}/deactivate`, {
        cookie: admin,
        body: { reason: "Left the service" },
      }),
    );
    expect(events).toEqual([
      {
        type: "access.revoked",
        userIds: [s.users.teamMember.id],
        reason: revocationReasons.accountDeactivated,
      },
    ]);
    const refused = await publishedDuring(() =>
      call(api, "POST", `/api/users/${s.users.administrator.id}/deactivate`, {
        cookie: admin,
        body: { reason: "Oops" },
      }),
    );
    expect(refused).toEqual([]);
  });

  it("sign-out and session revocation name the ended sessions only", async () => {
    const s = await buildScenario(api.deps.db);
    const here = await sessionCookieFor(api, s.users.lead.id);
    const laptop = await sessionCookieFor(api, s.users.lead.id);
    const phone = await sessionCookieFor(api, s.users.lead.id);
    const tablet = await sessionCookieFor(api, s.users.lead.id);
    const revokeOne = await publishedDuring(() =>
      call(api, "DELETE", `/api/me/sessions/${sessionIdOf(laptop)}`, { cookie: here }),
    );
    expect(revokeOne).toEqual([
      {
        type: "access.revoked",
        sessionIds: [sessionIdOf(laptop)],
        reason: revocationReasons.sessionEnded,
      },
    ]);
    const unknown = await publishedDuring(() =>
      call(api, "DELETE", `/api/me/sessions/${sessionIdOf(laptop)}`, { cookie: here }),
    );
    expect(unknown).toEqual([]);
    const others = await publishedDuring(() =>
      call(api, "POST", "/api/me/sessions/revoke-others", { cookie: here, body: {} }),
    );
    expect(others).toHaveLength(1);
    const [revokedOthers] = others;
    expect(revokedOthers?.type === "access.revoked" && revokedOthers.sessionIds?.sort()).toEqual(
      [sessionIdOf(phone), sessionIdOf(tablet)].sort(),
    );
    const signOut = await publishedDuring(() =>
      call(api, "POST", "/api/auth/sign-out", { cookie: here }),
    );
    expect(signOut).toEqual([
      {
        type: "access.revoked",
        sessionIds: [sessionIdOf(here)],
        reason: revocationReasons.signedOut,
      },
    ]);
    const signedOutAlready = await publishedDuring(() =>
      call(api, "POST", "/api/auth/sign-out", { cookie: here }),
    );
    expect(signedOutAlready).toEqual([]);
  });
});

describe("family.changed", () => {
  it("announces created and updated outcomes, not refused or stale changes", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const path = `/api/families/${s.family.id}/outcomes`;
    const body = {
      area: "education",
      title: "Robin at school",
      measure: "Attends",
      targetDate: inAMonth(),
    };
    let outcomeId = "";
    const created = await publishedDuring(async () => {
      outcomeId = (await call(api, "POST", path, { cookie: lead, body })).json.data.id;
    });
    expect(created).toEqual([
      {
        type: "family.changed",
        familyId: s.family.id,
        resource: "outcome",
        id: outcomeId,
        change: "created",
        by: s.users.lead.id,
        at: api.clock.now.toISOString(),
      },
    ]);
    const pastDate = await publishedDuring(() =>
      call(api, "POST", path, { cookie: lead, body: { ...body, targetDate: "2001-01-01" } }),
    );
    expect(pastDate).toEqual([]);
    const asParent = await publishedDuring(async () => {
      const cookie = await sessionCookieFor(api, s.users.parentUser.id);
      expect((await call(api, "POST", path, { cookie, body })).status).toBe(403);
    });
    expect(asParent).toEqual([]);
    const updated = await publishedDuring(() =>
      call(api, "PATCH", `${path}/${outcomeId}`, {
        cookie: lead,
        body: { version: 1, title: "New" },
      }),
    );
    expect(updated).toMatchObject([{ resource: "outcome", id: outcomeId, change: "updated" }]);
    const stale = await publishedDuring(() =>
      call(api, "PATCH", `${path}/${outcomeId}`, {
        cookie: lead,
        body: { version: 1, title: "Old" },
      }),
    );
    expect(stale).toEqual([]);
  });
});

describe("family.changed for meetings and agreements", () => {
  it("announces a scheduled meeting and a recorded agreement to the family's room", async () => {
    const s = await buildScenario(api.deps.db);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const scheduledFor = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const events = await publishedDuring(async () => {
      const meeting = await call(api, "POST", `/api/families/${s.family.id}/meetings`, {
        cookie: lead,
        body: {
          kind: "initial",
          scheduledFor,
          agenda: [{ title: "Progress since last time" }],
          invitees: [],
        },
      });
      expect(meeting.status).toBe(201);
      const agreement = await call(api, "POST", `/api/families/${s.family.id}/agreements`, {
        cookie: lead,
        body: {
          memberId: s.members.parent.id,
          agreed: true,
          agreedAt: api.clock.now.toISOString(),
        },
      });
      expect(agreement.status).toBe(201);
    });
    expect(events.map((e) => e.type === "family.changed" && [e.resource, e.change])).toEqual([
      ["meeting", "created"],
      ["agreement", "created"],
    ]);
  });
});
