import { auditEvents } from "@teamaround/db";
import { buildAction, buildFamily, buildOutcome, buildScenario } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** The events a person caused, oldest first. */
async function eventsBy(userId: string) {
  const rows = await api.deps.db
    .select({ event: auditEvents.event })
    .from(auditEvents)
    .where(eq(auditEvents.actorId, userId))
    .orderBy(auditEvents.id);
  return rows.map((r) => r.event);
}

/**
 * Reading a list of cases is audited as one event per request: not one per
 * row (the lists below show several rows), and never none.
 */
describe("reading a list of cases", () => {
  it.each([
    ["the family list", "/api/families", "lead", "family.list"],
    ["My work (my actions)", "/api/my/actions", "lead", "my_actions.list"],
    ["the manager's caseload", "/api/manager/caseload", "manager", "manager.caseload.read"],
    ["the drift queue", "/api/manager/drift", "manager", "manager.drift.read"],
  ] as const)("%s writes exactly one audit event per request", async (_, path, who, event) => {
    const s = await buildScenario(api.deps.db);
    // A second case for the lead, and two actions, so each list has more than one row.
    await buildFamily(api.deps.db, { lead: s.users.lead, status: "plan_active" });
    const outcome = await buildOutcome(api.deps.db, {
      familyId: s.family.id,
      createdBy: s.users.lead.id,
    });
    for (const text of ["Call the school nurse", "Book the housing visit"]) {
      await buildAction(api.deps.db, {
        familyId: s.family.id,
        outcomeId: outcome.id,
        createdBy: s.users.lead.id,
        owners: [{ userId: s.users.lead.id }],
        text,
        dueDate: "2020-01-01",
      });
    }
    const userId = s.users[who].id;
    const cookie = await sessionCookieFor(api, userId);
    const before = (await eventsBy(userId)).length;

    const first = await call(api, "GET", path, { cookie });
    expect(first.status).toBe(200);
    const rows = (first.json.data ?? first.json.items) as unknown[] | undefined;
    expect(rows?.length ?? 0).toBeGreaterThan(1);
    await call(api, "GET", path, { cookie });

    expect((await eventsBy(userId)).slice(before)).toEqual([event, event]);
  });
});
