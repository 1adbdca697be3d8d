import { auditEvents, localAuthorities } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { patchAuthority } from "./authority-test-support";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function world() {
  const s = await buildScenario(api.deps.db);
  return { s, admin: await sessionCookieFor(api, s.users.administrator.id) };
}

const patch = (cookie: string, body: Record<string, unknown>) => patchAuthority(api, cookie, body);

const levels = [
  { level: 1, label: "Universal", description: "Universal services" },
  { level: 2, label: "Additional needs", description: "One or two services" },
  { level: 3, label: "Complex needs", description: "A team around the family" },
  { level: 4, label: "Acute", description: "Statutory social care" },
];

describe("GET /api/authority", () => {
  it("shows the settings to any signed-in user, family members included", async () => {
    const { s } = await world();
    const response = await call(api, "GET", "/api/authority", {
      cookie: await sessionCookieFor(api, s.users.parentUser.id),
    });
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      id: s.authority.id,
      name: s.authority.name,
      reviewMinWeeks: 6,
      reviewMaxWeeks: 12,
      leadProfessionalTitle: "Lead professional",
      requireStaffTotp: false,
    });
  });
});

describe("PATCH /api/authority", () => {
  it("changes the settings and audits the change without a family", async () => {
    const { s, admin } = await world();
    const response = await patch(admin, {
      levelsOfNeed: levels,
      reviewMinWeeks: 4,
      reviewMaxWeeks: 8,
      leadProfessionalTitle: "Family Help Lead Practitioner",
      requireStaffTotp: true,
    });
    expect(response.status).toBe(200);
    expect(response.json.data).toMatchObject({
      levelsOfNeed: levels,
      reviewMinWeeks: 4,
      reviewMaxWeeks: 8,
      leadProfessionalTitle: "Family Help Lead Practitioner",
      requireStaffTotp: true,
    });
    const me = await call(api, "GET", "/api/me", {
      cookie: await sessionCookieFor(api, s.users.lead.id),
    });
    expect(me.json.data.totpEnrolmentRequired).toBe(true);
    expect(me.json.data.authority.leadProfessionalTitle).toBe("Family Help Lead Practitioner");
    const [event] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "authority.update"), eq(auditEvents.resourceId, s.authority.id)),
      );
    expect(event).toMatchObject({ actorId: s.users.administrator.id, familyId: null });
  });

  it("refuses a minimum later than the maximum, naming the field (422)", async () => {
    const { s, admin } = await world();
    const response = await patch(admin, { reviewMinWeeks: 13 });
    expect(response.status).toBe(422);
    expect(response.json.error.details).toEqual([
      { path: "reviewMinWeeks", message: expect.any(String) },
    ]);
    const both = await patch(admin, { reviewMinWeeks: 10, reviewMaxWeeks: 9 });
    expect(both.status).toBe(422);
    const [row] = await api.deps.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, s.authority.id));
    expect(row?.reviewMinWeeks).toBe(6);
  });

  it.each([0, 53, 2.5])("refuses %s weeks as invalid input", async (weeks) => {
    const { admin } = await world();
    expect((await patch(admin, { reviewMaxWeeks: weeks })).status).toBe(400);
  });

  it("refuses a level listed twice (422)", async () => {
    const { admin } = await world();
    const response = await patch(admin, {
      levelsOfNeed: [levels[0], { ...levels[1], level: 1 }],
    });
    expect(response.status).toBe(422);
    expect(response.json.error.details[0].path).toBe("levelsOfNeed");
  });

  it("refuses removing a level open cases still have (409)", async () => {
    const { admin } = await world();
    // The scenario's families are at level 2.
    const response = await patch(admin, { levelsOfNeed: [levels[0], levels[2], levels[3]] });
    expect(response.status).toBe(409);
    expect(response.json.error.details[0].path).toBe("levelsOfNeed");
  });

  it("answers 409 to a change made from a stale version and changes nothing", async () => {
    const { s, admin } = await world();
    const first = await patch(admin, { version: 1, leadProfessionalTitle: "Key worker" });
    expect(first.status).toBe(200);
    expect(first.json.data.version).toBe(2);
    const stale = await patch(admin, { version: 1, reviewMinWeeks: 2, reviewMaxWeeks: 3 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "stale_version",
      details: { currentVersion: 2, yourVersion: 1 },
    });
    const [row] = await api.deps.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, s.authority.id));
    expect(row).toMatchObject({
      leadProfessionalTitle: "Key worker",
      reviewMinWeeks: 6,
      reviewMaxWeeks: 12,
      version: 2,
    });
    const withoutVersion = await call(api, "PATCH", "/api/authority", {
      cookie: admin,
      body: { reviewMinWeeks: 2 },
    });
    expect(withoutVersion.status).toBe(400);
  });

  it("is for administrators only", async () => {
    const { s } = await world();
    const manager = await sessionCookieFor(api, s.users.manager.id);
    expect((await patch(manager, { requireStaffTotp: true })).status).toBe(403);
  });
});
