import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../client";
import { actions, localAuthorities } from "../schema";
import { buildAction, buildOutcome } from "../testing/plan-factories";
import { buildScenario } from "../testing/scenario";
import "../testing/provided-context";
import { executeRows } from "./execute-rows";

/**
 * Two people change the same family at the same moment. The summaries the
 * triggers keep (drift items, episode facts) must end as their definitions
 * compute them from the committed record, whichever writer commits first.
 * Only PostgreSQL has concurrent writers; PGlite is one connection.
 */
const target = inject("testDatabase");
let first: DatabaseHandle;
let second: DatabaseHandle;

type Row = Record<string, unknown>;
const ordered = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

async function expectSummariesCurrent(familyId: string) {
  for (const table of ["drift_items", "episode_facts"]) {
    const stored = await executeRows<Row>(
      first.db,
      sql`select * from ${sql.identifier(table)} where family_id = ${familyId}`,
    );
    const computed = await executeRows<Row>(
      first.db,
      sql`select * from ${sql.identifier(`${table}_source`)} where family_id = ${familyId}`,
    );
    expect({ table, rows: ordered(stored) }).toEqual({ table, rows: ordered(computed) });
  }
}

/** Returns once the backend `pid()` names waits for a lock (or after 20 s, if it never does). */
async function untilWaitingForLock(pid: () => number) {
  for (let waited = 0; waited < 20_000; waited += 25) {
    const [waiting] = await executeRows<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from pg_locks where pid = ${pid()} and not granted`,
    );
    if (pid() !== 0 && (waiting?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A promise and the function that settles it, for holding a transaction open. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe.runIf(target.kind === "postgres")("summaries under concurrent writers", () => {
  beforeAll(async () => {
    const url = target.kind === "postgres" ? target.url : "";
    first = await createDatabase({ kind: "postgres", url, maxConnections: 2 });
    second = await createDatabase({ kind: "postgres", url, maxConnections: 2 });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("keep the second writer's refresh from restoring what the first removed", async () => {
    const { family, users } = await buildScenario(first.db);
    const outcome = await buildOutcome(first.db, { familyId: family.id, createdBy: users.lead.id });
    const longOverdue = "2020-01-06";
    const [late, other] = await Promise.all(
      ["Call the school nurse", "Book the housing visit"].map((text) =>
        buildAction(first.db, {
          familyId: family.id,
          outcomeId: outcome.id,
          createdBy: users.lead.id,
          owners: [{ userId: users.lead.id }],
          text,
          dueDate: longOverdue,
        }),
      ),
    );
    if (!late || !other) throw new Error("actions not built");
    await expectSummariesCurrent(family.id);
    const itemsOf = (actionId: string) =>
      executeRows<Row>(first.db, sql`select kind from drift_items where subject_id = ${actionId}`);
    expect(await itemsOf(late.id)).toHaveLength(1);

    // The first writer marks the late action done and has not committed yet
    // when the second changes the other action of the same family.
    const firstMayCommit = gate();
    const firstWrote = gate();
    const firstWriter = first.db.transaction(async (tx) => {
      await tx.update(actions).set({ status: "done" }).where(eq(actions.id, late.id));
      firstWrote.open();
      await firstMayCommit.opened;
    });
    await firstWrote.opened;
    let secondPid = 0;
    const secondWriter = second.db.transaction(async (tx) => {
      [{ pid: secondPid } = { pid: 0 }] = await executeRows<{ pid: number }>(
        tx,
        sql`select pg_backend_pid() as pid`,
      );
      await tx
        .update(actions)
        .set({ text: "Book the housing visit soon" })
        .where(eq(actions.id, other.id));
    });
    await untilWaitingForLock(() => secondPid);
    firstMayCommit.open();
    await Promise.all([firstWriter, secondWriter]);

    expect(await itemsOf(late.id)).toEqual([]);
    expect(await itemsOf(other.id)).toHaveLength(1);
    await expectSummariesCurrent(family.id);
  });
  it("refresh an authority's items when its targets change while a practitioner adds an overdue action", async () => {
    const { authority, family, users } = await buildScenario(first.db);
    const outcome = await buildOutcome(first.db, { familyId: family.id, createdBy: users.lead.id });
    const late = await buildAction(first.db, {
      familyId: family.id,
      outcomeId: outcome.id,
      createdBy: users.lead.id,
      owners: [{ userId: users.lead.id }],
      text: "Call the school nurse",
      dueDate: "2020-01-06",
    });

    // The practitioner moves the late action's date (its item's row is now
    // locked) and adds a new overdue action, and has not committed when an
    // administrator changes the authority's overdue allowance. Before the
    // refresh locked its table, the administrator's delete waited for the row,
    // missed the new item, and the insert after it failed on its key.
    const mayCommit = gate();
    const wrote = gate();
    let added = "";
    const practitioner = first.db.transaction(async (tx) => {
      await tx.update(actions).set({ dueDate: "2020-01-07" }).where(eq(actions.id, late.id));
      const action = await buildAction(tx, {
        familyId: family.id,
        outcomeId: outcome.id,
        createdBy: users.lead.id,
        owners: [{ userId: users.lead.id }],
        text: "Book the housing visit",
        dueDate: "2020-02-03",
      });
      added = action.id;
      wrote.open();
      await mayCommit.opened;
    });
    await wrote.opened;
    let adminPid = 0;
    const administrator = second.db.transaction(async (tx) => {
      [{ pid: adminPid } = { pid: 0 }] = await executeRows<{ pid: number }>(
        tx,
        sql`select pg_backend_pid() as pid`,
      );
      await tx
        .update(localAuthorities)
        .set({ actionOverdueDays: 10 })
        .where(eq(localAuthorities.id, authority.id));
    });
    await untilWaitingForLock(() => adminPid);
    mayCommit.open();
    await Promise.all([practitioner, administrator]);

    const items = await executeRows<{ subject_id: string }>(
      first.db,
      sql`select subject_id from drift_items where family_id = ${family.id} and kind = 'action_overdue'`,
    );
    expect(items.map((i) => i.subject_id).sort()).toEqual([late.id, added].sort());
    await expectSummariesCurrent(family.id);
  });
});
