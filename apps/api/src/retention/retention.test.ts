import {
  executeRows,
  families,
  familyMembers,
  localAuthorities,
  refreshRetentionReviews,
  retentionReviews,
} from "@teamaround/db";
import {
  buildMember,
  buildNextEpisode,
  buildScenario,
  type Scenario,
} from "@teamaround/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const today = "2026-11-30";
const base = "/api/admin/retention-reviews";

async function closeFamily(familyId: string, closedOn: string) {
  await api.deps.db.execute(sql`update episodes set status = 'closed', closed_at = ${closedOn},
      closure_reason = 'outcomes_met' where family_id = ${familyId} and status <> 'closed'`);
  await api.deps.db.execute(sql`update families set status = 'closed', closed_at = ${closedOn},
      closure_reason = 'outcomes_met' where id = ${familyId}`);
}

async function listed(s: Scenario) {
  const admin = await sessionCookieFor(api, s.users.administrator.id);
  const response = await call(api, "GET", base, { cookie: admin });
  expect(response.status).toBe(200);
  return response.json.data as {
    familyId: string;
    familyReference: string;
    dueOn: string;
    ruleWords: string;
    hold: { reason: string; heldBy: string } | null;
    version: number;
  }[];
}

/** A scenario whose family closed in 2015 with a child born in 1995: due under any rule. */
async function dueWorld() {
  const s = await buildScenario(api.deps.db);
  await api.deps.db
    .update(familyMembers)
    .set({ dateOfBirth: "1995-01-01" })
    .where(eq(familyMembers.id, s.members.child.id));
  await closeFamily(s.family.id, "2015-05-01");
  await refreshRetentionReviews(api.deps.db, today);
  const admin = await sessionCookieFor(api, s.users.administrator.id);
  return { s, admin };
}

describe("the daily retention job", () => {
  it("lists only the families past the authority's rule", async () => {
    const s = await buildScenario(api.deps.db);
    await api.deps.db
      .update(localAuthorities)
      .set({ retentionRuleKind: "years_after_closure", retentionYears: 6 })
      .where(eq(localAuthorities.id, s.authority.id));
    await closeFamily(s.family.id, "2019-06-01"); // due 2025-06-01: listed
    await closeFamily(s.otherFamily.id, "2022-06-01"); // due 2028-06-01: not yet
    await refreshRetentionReviews(api.deps.db, today);
    const rows = await listed(s);
    expect(rows.map((r) => r.familyId)).toEqual([s.family.id]);
    expect(rows[0]).toMatchObject({ dueOn: "2025-06-01", ruleWords: "6 years after closure" });
  });

  it("never lists an open family, and unlists a family that re-opened", async () => {
    const { s } = await dueWorld();
    expect((await listed(s)).map((r) => r.familyId)).toEqual([s.family.id]);
    await buildNextEpisode(api.deps.db, s.family.id, s.users.lead.id);
    await refreshRetentionReviews(api.deps.db, today);
    expect(await listed(s)).toEqual([]);
  });

  it("falls back to years after closure when a child's date of birth is missing", async () => {
    const s = await buildScenario(api.deps.db);
    await buildMember(api.deps.db, { familyId: s.family.id, kind: "child", dateOfBirth: null });
    await closeFamily(s.family.id, "2018-01-10");
    await refreshRetentionReviews(api.deps.db, today);
    expect(await listed(s)).toMatchObject([
      { familyId: s.family.id, dueOn: "2024-01-10", ruleWords: "6 years after closure" },
    ]);
  });
});

describe("a legal hold", () => {
  it("blocks erasure with a clear message, and changes nothing", async () => {
    const { s, admin } = await dueWorld();
    const [row] = await listed(s);
    const held = await call(api, "POST", `${base}/${s.family.id}/hold`, {
      cookie: admin,
      body: { reason: "Subject of a court case", version: row?.version },
    });
    expect(held.status).toBe(200);
    expect(held.json.data.hold).toMatchObject({ reason: "Subject of a court case" });

    const erase = await call(api, "POST", `${base}/${s.family.id}/erase`, {
      cookie: admin,
      body: { confirmReference: s.family.reference, version: held.json.data.version },
    });
    expect(erase.status).toBe(409);
    expect(erase.json.error.message).toBe(
      "This record is on legal hold, so it cannot be erased. Lift the hold first.",
    );
    const [family] = await api.deps.db.select().from(families).where(eq(families.id, s.family.id));
    expect(family?.displayName).toBe(s.family.displayName);
    const [child] = await api.deps.db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.id, s.members.child.id));
    expect(child?.dateOfBirth).toBe("1995-01-01");
    const [review] = await api.deps.db
      .select()
      .from(retentionReviews)
      .where(eq(retentionReviews.familyId, s.family.id));
    expect(review).toMatchObject({ erasedAt: null, holdReason: "Subject of a court case" });

    // Lifted, the erasure goes ahead.
    const lifted = await call(api, "POST", `${base}/${s.family.id}/lift-hold`, {
      cookie: admin,
      body: { version: held.json.data.version },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.json.data.hold).toBeNull();
    const erased = await call(api, "POST", `${base}/${s.family.id}/erase`, {
      cookie: admin,
      body: { confirmReference: s.family.reference, version: lifted.json.data.version },
    });
    expect(erased.status).toBe(200);
    expect(await listed(s)).toEqual([]);
  });
});

describe("reviewing a record", () => {
  it("extends it: off the list until the new day, with the reason kept", async () => {
    const { s, admin } = await dueWorld();
    const [row] = await listed(s);
    const extended = await call(api, "POST", `${base}/${s.family.id}/extend`, {
      cookie: admin,
      body: { until: "2028-01-01", reason: "Sibling's case still open", version: row?.version },
    });
    expect(extended.status).toBe(200);
    expect(extended.json.data).toMatchObject({
      extendedUntil: "2028-01-01",
      extensionReason: "Sibling's case still open",
    });
    expect(await listed(s)).toEqual([]);
    await refreshRetentionReviews(api.deps.db, today);
    expect(await listed(s)).toEqual([]);
    const erase = await call(api, "POST", `${base}/${s.family.id}/erase`, {
      cookie: admin,
      body: { confirmReference: s.family.reference, version: extended.json.data.version },
    });
    expect(erase.status).toBe(409);
  });

  it("refuses a stale version (409) and a mistyped reference (422)", async () => {
    const { s, admin } = await dueWorld();
    const [row] = await listed(s);
    const version = row?.version ?? 0;
    const stale = await call(api, "POST", `${base}/${s.family.id}/hold`, {
      cookie: admin,
      body: { reason: "Audit", version: version + 1 },
    });
    expect(stale.status).toBe(409);
    const mistyped = await call(api, "POST", `${base}/${s.family.id}/erase`, {
      cookie: admin,
      body: { confirmReference: "EH-WRONG", version },
    });
    expect(mistyped.status).toBe(422);
    const [left] = await executeRows<{ display_name: string }>(
      api.deps.db,
      sql`select display_name from families where id = ${s.family.id}`,
    );
    expect(left?.display_name).toBe(s.family.displayName);
  });

  it("answers 404 for a family of another authority, and 403 to a manager", async () => {
    const { s } = await dueWorld();
    const other = await buildScenario(api.deps.db);
    const otherAdmin = await sessionCookieFor(api, other.users.administrator.id);
    const foreign = await call(api, "POST", `${base}/${s.family.id}/hold`, {
      cookie: otherAdmin,
      body: { reason: "Audit", version: 1 },
    });
    expect(foreign.status).toBe(404);
    const manager = await sessionCookieFor(api, s.users.manager.id);
    expect((await call(api, "GET", base, { cookie: manager })).status).toBe(403);
  });
});

describe("the authority's retention rule", () => {
  it("is set by an administrator", async () => {
    const s = await buildScenario(api.deps.db);
    const admin = await sessionCookieFor(api, s.users.administrator.id);
    const before = await call(api, "GET", "/api/authority", { cookie: admin });
    expect(before.json.data).toMatchObject({
      retentionRuleKind: "youngest_child_age",
      retentionYears: 25,
    });
    const changed = await call(api, "PATCH", "/api/authority", {
      cookie: admin,
      body: {
        retentionRuleKind: "years_after_closure",
        retentionYears: 7,
        // Settings carry a version once the authority's record is versioned.
        ...(before.json.data.version ? { version: before.json.data.version } : {}),
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.data).toMatchObject({
      retentionRuleKind: "years_after_closure",
      retentionYears: 7,
    });
    const refused = await call(api, "PATCH", "/api/authority", {
      cookie: admin,
      body: { retentionRuleKind: "forever" },
    });
    expect(refused.status).toBe(400);
  });
});
