import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "@teamaround/db";
import { buildScenario, openTestDatabase } from "@teamaround/db/testing";
import { formatDocumentName } from "@teamaround/domain";
import { afterEach, describe, expect, inject, it } from "vitest";
import {
  type Client,
  connectClient,
  cookieFor,
  testOrigin,
  text,
  waitFor,
  write,
} from "../testing/test-realtime";

const mainPath = fileURLToPath(new URL("../main.ts", import.meta.url));
const appDir = fileURLToPath(new URL("../..", import.meta.url));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The run's PostgreSQL database when there is one, else a file-backed PGlite in a temp folder. */
async function processDatabase(): Promise<{
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
}> {
  const target = inject("testDatabase");
  if (target.kind === "postgres") {
    return { env: { DATABASE_URL: target.url }, open: openTestDatabase };
  }
  const dir = await mkdtemp(join(tmpdir(), "teamaround-realtime-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const open = () => createDatabase({ kind: "pglite", dataDir: dir });
  const handle = await open();
  await migrateDatabase(handle);
  await handle.close();
  return { env: { DATA_DIR: dir }, open };
}

/** Starts `main.ts` as its own process, resolving once it listens. */
async function startProcess(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", mainPath], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_ORIGIN: testOrigin,
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`realtime exited (${code}):\n${output}`)));
  });
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe("a realtime process killed with SIGKILL", () => {
  it("keeps every edit another client had received, and takes back what a client kept", async () => {
    const database = await processDatabase();
    const handle = await database.open();
    const { family, users } = await buildScenario(handle.db);
    const leadCookie = await cookieFor(handle.db, users.lead.id);
    const memberCookie = await cookieFor(handle.db, users.teamMember.id);
    await handle.close();
    const name = formatDocumentName({ kind: "plan", familyId: family.id });
    const port = await freePort();
    const url = `ws://127.0.0.1:${port}/yjs`;

    let child = await startProcess(port, database.env);
    cleanups.push(() => {
      child.kill("SIGKILL");
    });
    const clients: Client[] = [];
    cleanups.push(() => {
      for (const client of clients) client.destroy();
    });
    const lead = connectClient(url, name, leadCookie);
    const member = connectClient(url, name, memberCookie);
    clients.push(lead, member);
    await Promise.all([lead.synced, member.synced]);

    // One paragraph both write in: the member types once the lead's has arrived.
    write(lead, 0, "Lead: ");
    await waitFor(() => text(member) === "Lead: ", "the lead's first edit");
    write(member, 0, "Member. ");
    await waitFor(
      () => text(lead) === text(member) && text(lead).length === 14,
      "both first edits",
    );

    // The lead types on; the moment the member has received some of it, the server dies.
    for (let i = 0; i < 200; i++) write(lead, "end", ".");
    await waitFor(() => (text(member).match(/\./g) ?? []).length >= 20, "some of the typing");
    await kill9(child);
    const received = text(member);
    lead.provider.disconnect();
    member.provider.disconnect();
    write(lead, "end", " (typed while the server was down)");

    child = await startProcess(port, database.env);
    const fresh = connectClient(url, name, memberCookie);
    clients.push(fresh);
    await fresh.synced;
    expect(text(fresh).startsWith(received)).toBe(true);

    // The lead kept everything it typed; reconnecting re-sends what the server lacks.
    lead.provider.connect();
    await waitFor(() => text(fresh) === text(lead), "the lead's re-sync", 40_000);
    expect(text(fresh)).toMatch(/\.{200} \(typed while the server was down\)$/);
  }, 90_000);
});
