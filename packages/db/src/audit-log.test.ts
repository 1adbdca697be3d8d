import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { auditEvents } from "./schema";
import { openTestDatabase } from "./testing";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("audit_events", () => {
  it("accepts appends", async () => {
    const [row] = await handle.db.insert(auditEvents).values({ event: "test.append" }).returning();
    expect(row?.event).toBe("test.append");
  });

  it("refuses UPDATE", async () => {
    const [row] = await handle.db.insert(auditEvents).values({ event: "test.update" }).returning();
    const id = row?.id ?? 0;
    await expect(
      handle.db.update(auditEvents).set({ event: "tampered" }).where(eq(auditEvents.id, id)),
    ).rejects.toThrow();
    const [after] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(after?.event).toBe("test.update");
  });

  it("refuses DELETE and TRUNCATE", async () => {
    const [row] = await handle.db.insert(auditEvents).values({ event: "test.delete" }).returning();
    const id = row?.id ?? 0;
    await expect(handle.db.delete(auditEvents).where(eq(auditEvents.id, id))).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(rows).toHaveLength(1);
  });
});
