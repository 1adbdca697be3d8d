import { trustProxies } from "@teamaround/config";
import { auditEvents, type DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { connection, meetingClient, send } from "./testing/test-meetings";
import {
  cookieFor,
  startTestRealtime,
  type TestRealtime,
  testOrigin,
} from "./testing/test-realtime";

// The test client connects from 127.0.0.1: the load balancer, when it is trusted.
let handle: DatabaseHandle;
const opened: { close(): unknown }[] = [];
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});
afterAll(() => handle.close());

async function serve(trusted: string[]): Promise<TestRealtime> {
  const server = await startTestRealtime(
    handle.db,
    {},
    { accessRecheckMs: 0, ...(trusted.length ? { trustedProxies: trustProxies(trusted) } : {}) },
  );
  opened.push(server);
  return server;
}

async function auditedAddress(familyId: string, event: string): Promise<string | null> {
  const rows = await vi.waitFor(
    async () => {
      const found = await handle.db
        .select({ ipAddress: auditEvents.ipAddress })
        .from(auditEvents)
        .where(and(eq(auditEvents.familyId, familyId), eq(auditEvents.event, event)));
      expect(found).toHaveLength(1);
      return found;
    },
    { timeout: 20_000, interval: 50 },
  );
  return rows[0]?.ipAddress ?? null;
}

/** Opens a family's Yjs document with an X-Forwarded-For header; resolves with the audited address. */
async function joinDocument(server: TestRealtime, forwardedFor: string): Promise<string | null> {
  const { family, users } = await buildScenario(handle.db);
  const name = formatDocumentName({ kind: "voice", familyId: family.id });
  const socket = new WebSocket(`${server.url}/${encodeURIComponent(name)}`, {
    headers: {
      origin: testOrigin,
      cookie: await cookieFor(handle.db, users.parentUser.id),
      "x-forwarded-for": forwardedFor,
    },
  });
  opened.push({ close: () => socket.terminate() });
  return auditedAddress(family.id, "document.join");
}

/** Watches a family over Socket.io with an X-Forwarded-For header; resolves with the audited address. */
async function watchFamily(server: TestRealtime, forwardedFor: string): Promise<string | null> {
  const { family, users } = await buildScenario(handle.db);
  const client = meetingClient(
    server.httpUrl,
    await cookieFor(handle.db, users.teamMember.id),
    testOrigin,
    { "x-forwarded-for": forwardedFor },
  );
  opened.push({ close: () => client.disconnect() });
  expect(await connection(client)).toEqual({ ok: true });
  expect(await send(client, "family:watch", { familyId: family.id })).toMatchObject({ ok: true });
  return auditedAddress(family.id, "family.watch");
}

describe("the client's address in the realtime audit log", () => {
  it("keeps the socket's address when the socket is not a trusted proxy", async () => {
    const server = await serve([]);
    expect(await joinDocument(server, "203.0.113.9")).toBe("127.0.0.1");
    expect(await watchFamily(server, "203.0.113.9")).toBe("127.0.0.1");
    const elsewhere = await serve(["10.0.0.0/8"]);
    expect(await joinDocument(elsewhere, "203.0.113.9")).toBe("127.0.0.1");
  });

  it("from a trusted proxy, records the client's address on Yjs and Socket.io", async () => {
    const server = await serve(["127.0.0.1"]);
    expect(await joinDocument(server, "203.0.113.9")).toBe("203.0.113.9");
    expect(await watchFamily(server, "203.0.113.9")).toBe("203.0.113.9");
  });

  it("through a chain of proxies, takes the right-most address that is not a trusted proxy", async () => {
    const server = await serve(["127.0.0.1", "192.0.2.0/24"]);
    const chain = "198.51.100.1, 203.0.113.20, 192.0.2.7";
    expect(await joinDocument(server, chain)).toBe("203.0.113.20");
    expect(await watchFamily(server, chain)).toBe("203.0.113.20");
  });
});
