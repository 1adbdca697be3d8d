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
import { seededRandom, seedFrom } from "../testing/seeded-random";
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

/** One trial's kill phase: how much of the typing the member has when the server dies. */
interface KillPlan {
  /** Dots the lead types in one burst. */
  typed: number;
  /** The kill comes once the member has this many (0: while the first may still be in flight). */
  killAfter: number;
  /** Then waits this long more (ms): the kill lands somewhere in the stream, not at a boundary. */
  extraDelayMs: number;
}

function planKill(random: () => number): KillPlan {
  const typed = 50 + Math.floor(random() * 200);
  return {
    typed,
    killAfter: Math.floor(random() * (typed + 1)),
    extraDelayMs: Math.floor(random() * 20),
  };
}

const dots = (value: string) => (value.match(/\./g) ?? []).length;

// KILL_TRIALS=20 for the count; KILL_SEED=<seed> replays a failure's kill phases.
const trials = Math.max(1, Number(process.env.KILL_TRIALS) || 5);
const seed = seedFrom(process.env.KILL_SEED);

describe("a realtime process killed with SIGKILL", () => {
  it(
    `keeps every acknowledged edit and takes back what a client kept (${trials} trials)`,
    async () => {
      const random = seededRandom(seed);
      const database = await processDatabase();
      // Every trial's family first: a file-backed PGlite must never be open in two processes.
      const handle = await database.open();
      const cases: TrialCase[] = [];
      for (let trial = 0; trial < trials; trial++) cases.push(await trialCase(handle));
      await handle.close();
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

      for (const [index, trialCase] of cases.entries()) {
        const plan = planKill(random);
        try {
          child = await killedMidTyping({
            ...trialCase,
            env: database.env,
            port,
            url,
            plan,
            clients,
            child,
          });
        } catch (error) {
          const replay = `KILL_SEED=${seed} (trial ${index + 1} of ${trials}: ${JSON.stringify(plan)})`;
          throw new Error(`${String(error)}\nReplay with ${replay}`, { cause: error });
        }
      }
    },
    trials * 240_000,
  );
});

interface TrialCase {
  name: string;
  leadCookie: string;
  memberCookie: string;
}

async function trialCase(handle: DatabaseHandle): Promise<TrialCase> {
  const { family, users } = await buildScenario(handle.db);
  return {
    name: formatDocumentName({ kind: "plan", familyId: family.id }),
    leadCookie: await cookieFor(handle.db, users.lead.id),
    memberCookie: await cookieFor(handle.db, users.teamMember.id),
  };
}

/** One trial: both type, the server is killed mid-stream and restarted; answers the new process. */
async function killedMidTyping(
  input: TrialCase & {
    env: Record<string, string>;
    port: number;
    url: string;
    plan: KillPlan;
    clients: Client[];
    child: ChildProcess;
  },
): Promise<ChildProcess> {
  const { env, port, url, plan, clients, name, leadCookie, memberCookie } = input;
  const lead = connectClient(url, name, leadCookie);
  const member = connectClient(url, name, memberCookie);
  clients.push(lead, member);
  await Promise.all([lead.synced, member.synced]);

  // One paragraph both write in: the member types once the lead's has arrived.
  write(lead, 0, "Lead: ");
  await waitFor(() => text(member) === "Lead: ", "the lead's first edit");
  write(member, 0, "Member. ");
  await waitFor(() => text(lead) === text(member) && text(lead).length === 14, "both first edits");

  // The lead types on; once the member has received the planned part of it, the server dies.
  for (let i = 0; i < plan.typed; i++) write(lead, "end", ".");
  await waitFor(() => dots(text(member)) >= plan.killAfter, "the planned part of the typing");
  if (plan.extraDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.extraDelayMs));
  await kill9(input.child);
  // Whatever the member read off its socket after the kill was sent, so stored, too.
  await waitFor(() => !member.provider.wsconnected, "the member to see the server gone");
  const received = text(member);
  lead.provider.disconnect();
  member.provider.disconnect();
  write(lead, "end", " (typed while the server was down)");

  const child = await startProcess(port, env);
  const fresh = connectClient(url, name, memberCookie);
  clients.push(fresh);
  await fresh.synced;
  // Every acknowledged edit (the member had it, so the server had stored it) survived.
  expect(text(fresh).startsWith(received)).toBe(true);

  // The lead kept everything it typed; reconnecting re-sends what the server lacks.
  lead.provider.connect();
  await waitFor(() => text(fresh) === text(lead), "the lead's re-sync", 40_000);
  expect(text(fresh)).toMatch(
    new RegExp(`\\.{${plan.typed}} \\(typed while the server was down\\)$`),
  );
  for (const client of clients.splice(0)) client.destroy();
  return child;
}
