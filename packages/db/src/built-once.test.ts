import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtOnce } from "./built-once";
import type { DatabaseHandle } from "./client";
import { agencies } from "./schema";
import { buildScenario } from "./testing/scenario";
import { openTestDatabase } from "./testing/test-database";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

let builds = 0;
const agencyName = builtOnce((db) => {
  builds++;
  return db
    .select({ name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, sql.placeholder("id")))
    .prepare("built_once_probe");
});

describe("builtOnce", () => {
  it("builds a query once per database and runs it with each call's values", async () => {
    const one = await buildScenario(handle.db);
    const two = await buildScenario(handle.db);
    const before = builds;
    const names = [];
    for (const agency of [one.agencies.school, two.agencies.school, one.agencies.health]) {
      names.push((await agencyName(handle.db).execute({ id: agency.id }))[0]?.name);
    }
    expect(names).toEqual([
      one.agencies.school.name,
      two.agencies.school.name,
      one.agencies.health.name,
    ]);
    expect(builds - before).toBeLessThanOrEqual(1);
    expect(agencyName(handle.db)).toBe(agencyName(handle.db));
  });

  it("builds a transaction its own, which sees the transaction's writes", async () => {
    const { agencies: made } = await buildScenario(handle.db);
    await handle.db
      .transaction(async (tx) => {
        await tx
          .update(agencies)
          .set({ name: "Renamed in the transaction" })
          .where(eq(agencies.id, made.school.id));
        expect(agencyName(tx)).not.toBe(agencyName(handle.db));
        const [row] = await agencyName(tx).execute({ id: made.school.id });
        expect(row?.name).toBe("Renamed in the transaction");
        throw new Error("roll back");
      })
      .catch(() => {});
    const [row] = await agencyName(handle.db).execute({ id: made.school.id });
    expect(row?.name).toBe(made.school.name);
  });
});
