import { createDatabase, type DatabaseHandle } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { type AckedClient, connectAckedClient } from "../testing/stored-acks";
import { startTcpProxy, type TcpProxy } from "../testing/tcp-proxy";
import {
  type Client,
  connectClient,
  cookieFor,
  startTestRealtime,
  type TestRealtime,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";
import type { RealtimeLimits } from "./limits";
import { createDocumentStore, foldUpdates } from "./store";

/**
 * The realtime server reaches PostgreSQL through a proxy the test cuts or
 * stalls; the test itself (factories, the final read) goes direct. The
 * machine's PostgreSQL is never stopped: other people use it.
 */
describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL unreachable during steady editing", () => {
  let direct: DatabaseHandle;
  let proxied: DatabaseHandle;
  let proxy: TcpProxy;
  let server: TestRealtime;
  const clients: Client[] = [];
  const timers: NodeJS.Timeout[] = [];

  beforeAll(async () => {
    direct = await openTestDatabase();
    const target = inject("testDatabase");
    if (target.kind !== "postgres") throw new Error("needs the run's PostgreSQL database");
    const url = new URL(target.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    proxied = await createDatabase({ kind: "postgres", url: url.toString(), maxConnections: 4 });
  });
  afterEach(async () => {
    for (const timer of timers.splice(0)) clearInterval(timer);
    for (const client of clients.splice(0)) client.destroy();
    proxy.restore();
    await server?.close();
  });
  afterAll(async () => {
    await proxied.close();
    await proxy.close();
    await direct.close();
  });

  async function twoEditors(limits: Partial<RealtimeLimits> = {}) {
    server = await startTestRealtime(proxied.db, limits);
    const { family, users } = await buildScenario(direct.db);
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const lead = connectAckedClient(server.url, name, await cookieFor(direct.db, users.lead.id));
    const member = connectClient(server.url, name, await cookieFor(direct.db, users.teamMember.id));
    clients.push(lead, member);
    await Promise.all([lead.synced, member.synced]);
    return { name, lead, member };
  }

  /** The lead types a dot every 50 ms until stopped; answers how many it typed. */
  function typeSteadily(lead: AckedClient) {
    let typed = 0;
    const timer = setInterval(() => {
      write(lead, "end", ".");
      typed++;
    }, 50);
    timers.push(timer);
    return {
      typed: () => typed,
      stop: () => clearInterval(timer),
    };
  }

  /** What the database holds of the document, read past the proxy. */
  async function storedText(name: string): Promise<string> {
    const stored = await createDocumentStore(direct.db).fetch(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, foldUpdates(stored.snapshot, stored.updates));
    return text(doc);
  }

  it("acknowledges nothing while it is down, and stores every edit once it is back", async () => {
    const { name, lead, member } = await twoEditors();
    const typing = typeSteadily(lead);
    await waitFor(() => text(member).length >= 10, "steady editing to reach the member");

    proxy.cut();
    const typedBeforeCut = lead.typed();
    const textBeforeCut = text(lead);
    // Whatever reaches the member or is acknowledged while down must have been typed before.
    let relayedWhileDown = 0;
    const watch = () => {
      relayedWhileDown = Math.max(relayedWhileDown, text(member).length);
    };
    member.doc.on("update", watch);
    // The lead's connection drops (its changes cannot be stored): the page shows its banner.
    await waitFor(() => !lead.provider.wsconnected, "the lead to see the connection lost");
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    member.doc.off("update", watch);
    expect(lead.acked()).toBeLessThanOrEqual(typedBeforeCut);
    expect(relayedWhileDown).toBeLessThanOrEqual(textBeforeCut.length);
    expect(typing.typed()).toBeGreaterThan(textBeforeCut.length);

    proxy.restore();
    await waitFor(() => lead.acked() > typedBeforeCut, "edits to be stored again", 60_000);
    typing.stop();
    const final = text(lead);
    expect(final).toBe(".".repeat(typing.typed()));
    await waitFor(() => lead.acked() === lead.typed(), "every edit acknowledged", 40_000);
    await waitFor(() => text(member) === final, "the member to have every edit", 40_000);
    expect(await storedText(name)).toBe(final);
  }, 240_000);

  it("bounds what waits to be stored while the database does not answer, then stores it all", async () => {
    const maxPendingUpdates = 20;
    const { name, lead, member } = await twoEditors({ maxPendingUpdates });
    write(lead, "end", "before. ");
    await waitFor(() => text(member) === "before. ", "the first edit");
    const closes: number[] = [];
    lead.provider.on("connection-close", (event) => {
      if (event) closes.push(event.code);
    });

    proxy.stall();
    let mostPending = 0;
    for (let i = 0; i < 3 * maxPendingUpdates; i++) {
      write(lead, "end", ".");
      mostPending = Math.max(mostPending, server.realtime.stats().pendingUpdates);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Full: the lead's next change was refused unapplied (1013); it keeps it and will re-send it.
    await waitFor(() => closes.includes(1013), "the lead to be told to try again later");
    expect(mostPending).toBeLessThanOrEqual(maxPendingUpdates);
    expect(server.realtime.stats().pendingUpdates).toBeLessThanOrEqual(maxPendingUpdates);
    expect(text(member)).toBe("before. ");
    expect(lead.acked()).toBeLessThan(lead.typed());

    proxy.restore();
    const final = `before. ${".".repeat(3 * maxPendingUpdates)}`;
    expect(text(lead)).toBe(final);
    await waitFor(() => text(member) === final, "the member to have every edit", 40_000);
    await waitFor(() => lead.acked() === lead.typed(), "every edit acknowledged", 40_000);
    expect(await storedText(name)).toBe(final);
    expect(server.realtime.stats().pendingUpdates).toBe(0);
  }, 240_000);
});
