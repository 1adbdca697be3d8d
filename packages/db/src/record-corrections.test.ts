import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { recordCorrections } from "./schema";
import { buildScenario, openTestDatabase } from "./testing";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function correction() {
  const s = await buildScenario(handle.db);
  const [row] = await handle.db
    .insert(recordCorrections)
    .values({
      familyId: s.family.id,
      recordKind: "review",
      recordId: s.family.id,
      section: "Summary",
      correctedText: "The review was on Tuesday",
      reason: "The date was wrong",
      correctedBy: s.users.lead.id,
    })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}

const text = async (id: string) =>
  (await handle.db.select().from(recordCorrections).where(eq(recordCorrections.id, id)))[0]
    ?.correctedText;

describe("record_corrections", () => {
  it("refuses UPDATE, DELETE and TRUNCATE: corrections are appended only", async () => {
    const row = await correction();
    const where = eq(recordCorrections.id, row.id);
    await expect(
      handle.db.update(recordCorrections).set({ correctedText: "tampered" }).where(where),
    ).rejects.toThrow();
    await expect(handle.db.delete(recordCorrections).where(where)).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate record_corrections`)).rejects.toThrow();
    expect(await text(row.id)).toBe("The review was on Tuesday");
  });

  it("lets erasure overwrite and delete inside a transaction that says so", async () => {
    const row = await correction();
    const where = eq(recordCorrections.id, row.id);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('teamaround.erasure', 'on', true)`);
      await tx.update(recordCorrections).set({ correctedText: "Erased" }).where(where);
    });
    expect(await text(row.id)).toBe("Erased");
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('teamaround.erasure', 'on', true)`);
      await tx.delete(recordCorrections).where(where);
    });
    expect(await text(row.id)).toBeUndefined();
    // The setting was the transaction's only.
    const other = await correction();
    await expect(
      handle.db
        .update(recordCorrections)
        .set({ correctedText: "x" })
        .where(eq(recordCorrections.id, other.id)),
    ).rejects.toThrow();
  });
});
