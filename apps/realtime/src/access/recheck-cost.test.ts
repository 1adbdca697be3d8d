import type { DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  connectClient,
  cookieFor,
  startTestRealtime,
  type TestRealtime,
} from "../testing/test-realtime";

/**
 * What the periodic access re-check costs with many connections open: prints
 * figures. Runs only with MEASURE_RECHECK=<connections>, e.g. 600.
 */
const wanted = Number(process.env.MEASURE_RECHECK ?? 0);

describe.skipIf(!wanted)("access re-check cost", () => {
  let handle: DatabaseHandle;
  let node: TestRealtime;
  const clients: Client[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    node = await startTestRealtime(
      handle.db,
      { maxConnectionsPerUser: 1000 },
      { accessRecheckMs: 0 },
    );
  }, 600_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await node.close();
    await handle.close();
  });

  it(`re-checks ${wanted} connections`, async () => {
    // Six people per family, each with the three documents open where they may.
    while (clients.length < wanted) {
      const s = await buildScenario(handle.db);
      const people = [s.users.lead, s.users.teamMember, s.users.manager, s.users.parentUser];
      for (const person of people) {
        const cookie = await cookieFor(handle.db, person.id);
        for (const kind of ["plan", "voice", "notes"]) {
          if (kind === "notes" && person === s.users.parentUser) continue;
          clients.push(connectClient(node.url, `${kind}:${s.family.id}`, cookie));
        }
      }
    }
    await Promise.all(clients.map((c) => c.synced));
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect(await node.realtime.recheckAccess()).toBe(0);
      runs.push(performance.now() - started);
    }
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await node.realtime.recheckAccess();
    const wall = (performance.now() - t0) / 20;
    const cpu = process.cpuUsage(cpuBefore);
    runs.sort((a, b) => a - b);
    const p50 = runs[10] ?? 0;
    const max = runs.at(-1) ?? 0;
    const cpuMs = (cpu.user + cpu.system) / 1000 / 20;
    const where =
      handle.kind === "pglite" ? "PGlite, whose query work counts as our CPU" : "PostgreSQL";
    console.info(
      `re-check of ${clients.length} connections (${where}): wall p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms, mean ${wall.toFixed(1)} ms; CPU ${cpuMs.toFixed(1)} ms per run`,
    );
  }, 600_000);
});
