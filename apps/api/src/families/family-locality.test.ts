import { families, helpRequests, localAuthorities } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** A scenario whose authority has two localities. */
async function world() {
  const s = await buildScenario(api.deps.db);
  await api.deps.db
    .update(localAuthorities)
    .set({ localities: ["North", "South"] })
    .where(eq(localAuthorities.id, s.authority.id));
  return { s, lead: await sessionCookieFor(api, s.users.lead.id) };
}

const familiesOf = (authorityId: string) =>
  api.deps.db.select().from(families).where(eq(families.authorityId, authorityId));

describe("a family's locality", () => {
  it("is set when the case starts, changed, and cleared", async () => {
    const { lead } = await world();
    const created = await call(api, "POST", "/api/families", {
      cookie: lead,
      body: { displayName: "The Birch family", levelOfNeed: 2, locality: "North" },
    });
    expect(created.status).toBe(201);
    expect(created.json.data.locality).toBe("North");
    const path = `/api/families/${created.json.data.id}`;
    const moved = await call(api, "PATCH", path, {
      cookie: lead,
      body: { locality: "South", version: created.json.data.version },
    });
    expect(moved.json.data.locality).toBe("South");
    const cleared = await call(api, "PATCH", path, {
      cookie: lead,
      body: { locality: null, version: moved.json.data.version },
    });
    expect(cleared.json.data.locality).toBeNull();
  });

  it("must be one of the authority's (422), and a refusal changes nothing", async () => {
    const { s, lead } = await world();
    const before = await familiesOf(s.authority.id);
    const refused = await call(api, "POST", "/api/families", {
      cookie: lead,
      body: { displayName: "The Birch family", levelOfNeed: 2, locality: "East" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details).toEqual([
      { path: "locality", message: "not a configured locality" },
    ]);
    const update = await call(api, "PATCH", `/api/families/${s.family.id}`, {
      cookie: lead,
      body: { locality: "East", version: s.family.version },
    });
    expect(update.status).toBe(422);
    expect(await familiesOf(s.authority.id)).toEqual(before);
  });

  it("is recorded when a request for help is accepted", async () => {
    const { s } = await world();
    const asker = await sessionCookieFor(api, s.users.outsider.id);
    const asked = await call(api, "POST", "/api/help-requests", {
      cookie: asker,
      body: {
        receivingAgencyId: s.agencies.school.id,
        familyName: "The Cedar family",
        children: [{ givenName: "Ava", familyName: "Cedar" }],
        requesterKind: "practitioner",
        requestedOn: api.clock.now.toISOString().slice(0, 10),
        worries: "Ava misses school.",
        familyKnows: true,
        familyAgrees: true,
      },
    });
    const requestId = asked.json.data.id as string;
    const manager = await sessionCookieFor(api, s.users.manager.id);
    const accept = (locality: string) =>
      call(api, "POST", `/api/help-requests/${requestId}/triage`, {
        cookie: manager,
        body: {
          decision: "accept",
          leadUserId: s.users.lead.id,
          levelOfNeed: 2,
          locality,
          version: 1,
        },
      });
    const [before] = await api.deps.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.id, requestId));
    expect((await accept("East")).status).toBe(422);
    const [unchanged] = await api.deps.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.id, requestId));
    expect(unchanged).toEqual(before);

    const accepted = await accept("South");
    expect(accepted.status).toBe(200);
    const [family] = await api.deps.db
      .select()
      .from(families)
      .where(eq(families.id, accepted.json.data.familyId));
    expect(family?.locality).toBe("South");
  });
});
