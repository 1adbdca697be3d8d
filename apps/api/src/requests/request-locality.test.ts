import { auditEvents, episodes, families, helpRequests, localAuthorities } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patchAuthority } from "../admin/authority-test-support";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** A scenario whose authority has two localities, and the people who ask and decide. */
async function world() {
  const s = await buildScenario(api.deps.db);
  await api.deps.db
    .update(localAuthorities)
    .set({ localities: ["North", "South"] })
    .where(eq(localAuthorities.id, s.authority.id));
  return {
    s,
    asker: await sessionCookieFor(api, s.users.outsider.id),
    manager: await sessionCookieFor(api, s.users.manager.id),
  };
}

function newFamilyBody(receivingAgencyId: string, extra: Record<string, unknown> = {}) {
  return {
    receivingAgencyId,
    familyName: "The Cedar family",
    children: [{ givenName: "Ava", familyName: "Cedar" }],
    requesterKind: "practitioner",
    requestedOn: api.clock.now.toISOString().slice(0, 10),
    worries: "Ava misses school.",
    familyKnows: true,
    familyAgrees: true,
    ...extra,
  };
}

const ask = (cookie: string, body: Record<string, unknown>) =>
  call(api, "POST", "/api/help-requests", { cookie, body });

function accept(cookie: string, requestId: string, leadUserId: string, extra = {}) {
  return call(api, "POST", `/api/help-requests/${requestId}/triage`, {
    cookie,
    body: { decision: "accept", leadUserId, levelOfNeed: 2, version: 1, ...extra },
  });
}

async function familyOf(familyId: string) {
  const [family] = await api.deps.db.select().from(families).where(eq(families.id, familyId));
  return family;
}

describe("a request's locality", () => {
  it("is stored as the asker gave it and returned by the request's reads", async () => {
    const { s, asker, manager } = await world();
    const created = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "North" }));
    expect(created.status).toBe(201);
    expect(created.json.data.locality).toBe("North");
    const requestId = created.json.data.id as string;
    const [row] = await api.deps.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.id, requestId));
    expect(row?.locality).toBe("North");

    const detail = await call(api, "GET", `/api/help-requests/${requestId}`, { cookie: manager });
    expect(detail.json.data.locality).toBe("North");
    const incoming = await call(api, "GET", "/api/help-requests?view=incoming", {
      cookie: manager,
    });
    const listed = incoming.json.data.find((r: { id: string }) => r.id === requestId);
    expect(listed?.locality).toBe("North");
    const mine = await call(api, "GET", "/api/help-requests?view=mine", { cookie: asker });
    expect(mine.json.data.find((r: { id: string }) => r.id === requestId)?.locality).toBe("North");
  });

  it("is null when the asker does not say", async () => {
    const { s, asker } = await world();
    const created = await ask(asker, newFamilyBody(s.agencies.school.id));
    expect(created.status).toBe(201);
    expect(created.json.data.locality).toBeNull();
  });

  it("must be one of the authority's (422, naming the field), and a refusal writes nothing", async () => {
    const { s, asker } = await world();
    const refused = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "East" }));
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "unprocessable" });
    expect(refused.json.error.details).toEqual([
      { path: "locality", message: "not a configured locality" },
    ]);
    const written = await api.deps.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.createdBy, s.users.outsider.id));
    expect(written).toEqual([]);
    const audited = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.event, "help_request.create"),
          eq(auditEvents.actorId, s.users.outsider.id),
        ),
      );
    expect(audited).toEqual([]);
  });

  it("refuses a malformed one at the edge (400 validation_failed) and writes nothing", async () => {
    const { s, asker } = await world();
    for (const locality of ["North\u0000", "x".repeat(81), ""]) {
      const refused = await ask(asker, newFamilyBody(s.agencies.school.id, { locality }));
      expect(refused.status).toBe(400);
      expect(refused.json.error.code).toBe("validation_failed");
    }
    const written = await api.deps.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.createdBy, s.users.outsider.id));
    expect(written).toEqual([]);
  });
});

describe("accepting a request with a locality", () => {
  it("places a new family in the request's locality", async () => {
    const { s, asker, manager } = await world();
    const asked = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "South" }));
    const accepted = await accept(manager, asked.json.data.id, s.users.lead.id);
    expect(accepted.status).toBe(200);
    expect((await familyOf(accepted.json.data.familyId))?.locality).toBe("South");
    expect(accepted.json.data.locality).toBe("South");
  });

  it("lets triage correct it, or record it as not known, for a new family", async () => {
    const { s, asker, manager } = await world();
    const first = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "South" }));
    const corrected = await accept(manager, first.json.data.id, s.users.lead.id, {
      locality: "North",
    });
    expect((await familyOf(corrected.json.data.familyId))?.locality).toBe("North");

    const second = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "South" }));
    const unknown = await accept(manager, second.json.data.id, s.users.lead.id, {
      locality: null,
    });
    expect(unknown.status).toBe(200);
    expect((await familyOf(unknown.json.data.familyId))?.locality).toBeNull();
    // The request keeps what the asker said: the figures count requests by it.
    expect(unknown.json.data.locality).toBe("South");
  });

  it("asks for a current locality once the asker's has been removed, and keeps the asker's on the request", async () => {
    const { s, asker, manager } = await world();
    const asked = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "South" }));
    const requestId = asked.json.data.id as string;
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const removed = await patchAuthority(api, admin, { localities: ["North", "East"] });
    expect(removed.status).toBe(200);

    // Left out, the asker's locality would place the case where no locality is now.
    const refused = await accept(manager, requestId, s.users.lead.id);
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toMatch(/said the family lives in "South".*no longer/);
    expect(refused.json.error.details).toEqual([
      { path: "locality", message: "no longer one of the authority's localities" },
    ]);
    const waiting = await call(api, "GET", `/api/help-requests/${requestId}`, { cookie: manager });
    expect(waiting.json.data).toMatchObject({ status: "awaiting_triage", locality: "South" });

    const accepted = await accept(manager, requestId, s.users.lead.id, { locality: "East" });
    expect(accepted.status).toBe(200);
    expect((await familyOf(accepted.json.data.familyId))?.locality).toBe("East");
    // The request still says what the asker said.
    expect(accepted.json.data.locality).toBe("South");

    const another = await ask(asker, newFamilyBody(s.agencies.school.id, { locality: "North" }));
    await patchAuthority(api, admin, { localities: ["East"] });
    const unknown = await accept(manager, another.json.data.id, s.users.lead.id, {
      locality: null,
    });
    expect(unknown.status).toBe(200);
    expect((await familyOf(unknown.json.data.familyId))?.locality).toBeNull();
    // A removed locality is still refused as new input.
    const stale = await accept(
      manager,
      (await ask(asker, newFamilyBody(s.agencies.school.id))).json.data.id,
      s.users.lead.id,
      { locality: "South" },
    );
    expect(stale.status).toBe(422);
    expect(stale.json.error.details).toEqual([
      { path: "locality", message: "not a configured locality" },
    ]);
  });

  it("leaves a known family's own locality as it is", async () => {
    const { s, manager } = await world();
    await api.deps.db
      .update(families)
      .set({ locality: "North" })
      .where(eq(families.id, s.family.id));
    await api.deps.db
      .update(episodes)
      .set({ status: "closed", closedAt: api.clock.now, closureReason: "outcomes_met" })
      .where(eq(episodes.familyId, s.family.id));
    const teamMember = await sessionCookieFor(api, s.users.teamMember.id);
    const asked = await ask(teamMember, {
      receivingAgencyId: s.agencies.school.id,
      familyId: s.family.id,
      childMemberIds: [s.members.child.id],
      requesterKind: "practitioner",
      requestedOn: api.clock.now.toISOString().slice(0, 10),
      locality: "South",
      worries: "Back again: attendance has dropped.",
      familyKnows: true,
      familyAgrees: true,
    });
    expect(asked.status).toBe(201);
    expect(asked.json.data.locality).toBe("South");
    const accepted = await accept(manager, asked.json.data.id, s.users.lead.id);
    expect(accepted.status).toBe(200);
    expect((await familyOf(s.family.id))?.locality).toBe("North");
  });
});
