import type { Database, DatabaseHandle } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type Client, connectClient, startTestRealtime, type TestRealtime } from "./test-realtime";

export interface RealtimeTestSetup {
  /** The file's test database (one for the whole file). */
  readonly db: Database;
  /** The server the running test started last. */
  readonly server: TestRealtime;
  /** Starts this test's server on the file's database; closed after the test. */
  start(...args: DropFirst<Parameters<typeof startTestRealtime>>): Promise<TestRealtime>;
  /** A stock y-websocket client of this test's server; destroyed after the test. */
  connect(documentName: string, cookie: string): Client;
  /** A client made elsewhere, to destroy with the others after the test. */
  keep(client: Client): Client;
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

/**
 * The set-up the realtime server's tests share: registers the file's hooks
 * (one database for the file; each test's clients destroyed and its server
 * closed after it) and answers what the tests use.
 */
export function realtimeTestSetup(): RealtimeTestSetup {
  let handle: DatabaseHandle | undefined;
  let current: TestRealtime | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await handle?.close();
  });
  const setup: RealtimeTestSetup = {
    get db() {
      if (!handle) throw new Error("the test database opens in beforeAll");
      return handle.db;
    },
    get server() {
      if (!current) throw new Error("start the test's server first");
      return current;
    },
    async start(...args) {
      current = await startTestRealtime(setup.db, ...args);
      return current;
    },
    connect: (documentName, cookie) =>
      setup.keep(connectClient(setup.server.url, documentName, cookie)),
    keep(client) {
      clients.push(client);
      return client;
    },
  };
  return setup;
}
