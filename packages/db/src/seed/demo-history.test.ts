import { and, eq, inArray, like, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import {
  assessments,
  episodes,
  families,
  helpRequests,
  localAuthorities,
  teamMemberships,
  users,
} from "../schema";
import { openTestDatabase } from "../testing";
import { demoLocalities } from "./demo-history";
import { seedDemo } from "./seed-demo";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase({ isolated: true });
  expect(await seedDemo(handle.db, "not-a-real-hash", { syntheticFamilies: 60 })).toBe("seeded");
}, 120_000);
afterAll(() => handle.close());

async function user(email: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`${email} missing`);
  return row;
}

describe("the demo's synthetic history", () => {
  it("adds synthetic families beside the four written ones, in the demo's localities", async () => {
    const rows = await handle.db.select().from(families);
    const synthetic = rows.filter((f) => f.displayName.endsWith("(synthetic)"));
    expect(rows).toHaveLength(64);
    expect(synthetic).toHaveLength(60);
    expect(synthetic.every((f) => demoLocalities.includes(f.locality ?? ""))).toBe(true);
    const [authority] = await handle.db.select().from(localAuthorities);
    expect(authority?.localities).toEqual(demoLocalities);
  });

  it("gives the manager a line-managed team and adds an analyst", async () => {
    const manager = await user("manager@demo.teamaround.test");
    expect((await user("lead@demo.teamaround.test")).managerId).toBe(manager.id);
    const team = await handle.db.select().from(users).where(eq(users.managerId, manager.id));
    expect(team.length).toBeGreaterThanOrEqual(6);
    expect((await user("analyst@demo.teamaround.test")).role).toBe("partnership_analyst");
  });

  it("keeps the demo's own people out of the synthetic families", async () => {
    const people = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(
        inArray(users.email, [
          "lead@demo.teamaround.test",
          "health@demo.teamaround.test",
          "school@demo.teamaround.test",
        ]),
      );
    const synthetic = await handle.db
      .select({ id: families.id })
      .from(families)
      .where(like(families.displayName, "%(synthetic)"));
    const memberships = await handle.db
      .select()
      .from(teamMemberships)
      .where(
        and(
          inArray(
            teamMemberships.userId,
            people.map((p) => p.id),
          ),
          inArray(
            teamMemberships.familyId,
            synthetic.map((f) => f.id),
          ),
        ),
      );
    expect(memberships).toHaveLength(0);
  });

  it("leaves the manager assessments to sign off, requests to triage and open cases", async () => {
    const waiting = await handle.db
      .select()
      .from(assessments)
      .where(eq(assessments.status, "submitted"));
    expect(waiting.length).toBeGreaterThan(0);
    const queue = await handle.db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.status, "awaiting_triage"));
    expect(queue.length).toBeGreaterThan(1);
    const open = await handle.db.select().from(episodes).where(ne(episodes.status, "closed"));
    expect(open.length).toBeGreaterThan(10);
  });
});
