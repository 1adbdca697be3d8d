import { buildOutcome, buildScenario } from "@teamaround/db/testing";
import { connection, cookieFor, meetingClient, next, send } from "@teamaround/realtime/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, startTestServer, type TestServer } from "./testing/test-server";

let server: TestServer;
beforeAll(async () => {
  // The worker claims every due notice, and the scheduler sees every lead: a database of its own.
  server = await startTestServer({
    isolatedDatabase: true,
    notices: { transport: "local", mailFrom: "Teamaround <teamaround@council.example>" },
  });
});
afterAll(() => server.close());

describe("in-app notices in the composed server", () => {
  it("pushes a practitioner's new unread count when someone else assigns them an action", async () => {
    const s = await buildScenario(server.handle.db);
    const outcome = await buildOutcome(server.handle.db, {
      familyId: s.family.id,
      createdBy: s.users.lead.id,
    });
    const practitioner = meetingClient(
      server.url,
      await cookieFor(server.handle.db, s.users.teamMember.id),
    );
    expect(await connection(practitioner)).toEqual({ ok: true });
    expect(await send(practitioner, "notifications:watch", {})).toEqual({
      ok: true,
      data: { unreadCount: 0 },
    });
    const rises = next(practitioner, "notifications:changed", (c) => c.unreadCount === 1, 60_000);

    const lead = await cookieFor(server.handle.db, s.users.lead.id);
    const dueDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const created = await http(server, "POST", `/api/families/${s.family.id}/actions`, {
      cookie: lead,
      body: {
        outcomeId: outcome.id,
        text: "Ring the school",
        dueDate,
        owners: [{ userId: s.users.teamMember.id }],
      },
    });
    expect(created.status).toBe(201);
    // Written with the action, delivered by the worker, announced on the bus, told by realtime.
    expect(await rises).toEqual({ unreadCount: 1 });
    practitioner.close();
  });
});
