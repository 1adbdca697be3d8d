import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { createDatabase } from "./client";
import "./testing/provided-context";

const target = inject("testDatabase");

/**
 * postgres.js 3.4.9 could write a transaction's BEGIN without reserving the
 * connection for it when BEGIN filled the connection's pipeline: the
 * transaction failed with UNSAFE_TRANSACTION, or stayed open on a connection
 * back in the pool, where other callers' statements then ran inside it. The
 * realtime benchmark met it as "meeting:join: something went wrong" at 50
 * rooms. `patches/postgres@3.4.9.patch` reserves the connection whenever
 * BEGIN is written (the fix proposed upstream in porsager/postgres#1218).
 */
describe.runIf(target.kind === "postgres")("transactions on a busy pool", () => {
  const url = target.kind === "postgres" ? target.url : "";

  it("reserve their connection even when BEGIN fills the pipeline", async () => {
    // A pipeline of 0 makes every BEGIN the one that fills it: deterministic.
    // (`max_pipeline` is a documented option missing from the package's types.)
    const options = { max: 2, max_pipeline: 0, onnotice: () => {} } as postgres.Options<
      Record<string, never>
    >;
    const client = postgres(url, options);
    try {
      const rows = await client.begin((tx) => tx`select 1 as ok`);
      expect(rows).toEqual([{ ok: 1 }]);
      const [state] = await client`select current_setting('teamaround.probe', true) as probe`;
      expect(state?.probe ?? "").toBe("");
    } finally {
      await client.end({ timeout: 5 });
    }
  });

  it("never lend a transaction's connection to another caller", async () => {
    const handle = await createDatabase({ kind: "postgres", url, maxConnections: 3 });
    try {
      // Transactions mark their connection; a statement outside any of them
      // must never see a mark. Bounded by count: 400 transactions and 400 reads.
      const inTransactions = Array.from({ length: 400 }, (_, i) =>
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('teamaround.probe', ${`tx${i}`}, true)`);
          const rows = (await tx.execute(
            sql`select current_setting('teamaround.probe', true) as probe`,
          )) as unknown as { probe: string }[];
          return rows[0]?.probe;
        }),
      );
      const outside = Array.from(
        { length: 400 },
        async () =>
          (
            (await handle.db.execute(
              sql`select coalesce(current_setting('teamaround.probe', true), '') as probe`,
            )) as unknown as { probe: string }[]
          )[0]?.probe,
      );
      const seen = await Promise.all(inTransactions);
      expect(seen).toEqual(Array.from({ length: 400 }, (_, i) => `tx${i}`));
      expect(new Set(await Promise.all(outside))).toEqual(new Set([""]));
    } finally {
      await handle.close();
    }
  });
});
