import { retentionReviews } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("the composed server's retention pass", () => {
  it("lists a family closed long ago, and not one still open", async () => {
    const db = server.handle.db;
    const s = await buildScenario(db);
    await db.execute(sql`update episodes set status = 'closed', closed_at = '2012-01-01',
        closure_reason = 'outcomes_met' where family_id = ${s.family.id}`);
    await db.execute(sql`update family_members set date_of_birth = '1990-01-01'
        where family_id = ${s.family.id}`);
    await server.teamaround.retention.runOnce();
    const listed = await db
      .select({ familyId: retentionReviews.familyId, dueOn: retentionReviews.dueOn })
      .from(retentionReviews)
      .where(eq(retentionReviews.authorityId, s.authority.id));
    expect(listed).toEqual([{ familyId: s.family.id, dueOn: "2015-01-01" }]);
  });
});
