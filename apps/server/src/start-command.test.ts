import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
let server: ChildProcess | undefined;
let dataDir: string;
let base: string;
let banner = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/**
 * `pnpm start` builds the web client and the server from scratch (about a
 * minute on a busy 2-core machine) before it listens: room for four times that.
 */
const startLimitMs = 300_000;

/** The real start command on a fresh embedded database, then the README's curl script against it. */
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "teamaround-start-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: base,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  // Its own process group, so that stopping it stops the server under pnpm too.
  server = spawn("pnpm", ["start"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${banner}`)),
      startLimitMs,
    );
    const read = (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes("Demo sign-ins")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server?.stdout?.on("data", read);
    server?.stderr?.on("data", read);
    // A failed build ends `pnpm start` at once: say so now rather than at the limit.
    server?.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pnpm start exited with ${code}:\n${banner}`));
    });
  });
}, startLimitMs + 30_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await rm(dataDir, { recursive: true, force: true });
});

describe("pnpm start and the README's flows", () => {
  it("prints the address and the demo sign-ins", () => {
    expect(banner).toMatch(new RegExp(`Teamaround is running at ${base} \\(started in \\d+ ms\\)`));
    expect(banner).toContain("lead@demo.teamaround.test");
    expect(banner).toContain("parent@demo.teamaround.test");
  });

  it("serves the API reference", async () => {
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
  });

  it("keeps an invitation in the local outbox, where the administrator reads it", async () => {
    const json = { origin: base, "content-type": "application/json" };
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "admin@demo.teamaround.test", password: "demo-password-2026" }),
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    // Sign-in sets the session cookie and a device cookie: send the session's.
    const cookie =
      signIn.headers
        .getSetCookie()
        .map((header) => header.split(";")[0] ?? "")
        .find((pair) => pair.includes("_session=")) ?? "";
    const agenciesResponse = await fetch(`${base}/api/agencies`, { headers: { cookie } });
    expect(agenciesResponse.status, await agenciesResponse.clone().text()).toBe(200);
    const agencies = (await agenciesResponse.json()) as {
      data: { id: string }[];
    };
    const email = `start.${Date.now()}@example.test`;
    const created = await fetch(`${base}/api/users`, {
      method: "POST",
      headers: { ...json, cookie },
      body: JSON.stringify({
        email,
        displayName: "Start Test",
        role: "practitioner",
        agencyId: agencies.data[0]?.id,
      }),
    });
    expect(created.status).toBe(201);
    // The worker polls each second: give it a bounded while on a slow machine.
    let kept: { to: string; subject: string; body: string } | undefined;
    for (let tries = 0; !kept && tries < 120; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      const outbox = (await (
        await fetch(`${base}/api/admin/outbox`, { headers: { cookie } })
      ).json()) as {
        data: { to: string; subject: string; body: string }[];
      };
      kept = outbox.data.find((message) => message.to === email);
    }
    expect(kept?.subject).toBe("Set your Teamaround password");
    expect(kept?.body).toContain(`${base}/set-password?token=`);
  }, 60_000);

  it("runs scripts/demo-flow.sh to the end", async () => {
    const { stdout } = await promisify(execFile)("bash", [
      join(root, "scripts/demo-flow.sh"),
      base,
    ]);
    expect(stdout).toContain("the parent marked it: done");
  }, 60_000);

  it("runs scripts/journey-flow.sh: request → triage → assessment → sign-off → review → closure signed off → feedback", async () => {
    const { stdout } = await promisify(execFile)("bash", [
      join(root, "scripts/journey-flow.sh"),
      base,
    ]);
    expect(stdout).toContain("accepted: accepted");
    expect(stdout).toContain("the manager signed it off: completed; family is now plan_active");
    expect(stdout).toContain("review: positive_change");
    expect(stdout).toContain("distance travelled: improving");
    expect(stdout).toContain("the lead proposed closing the episode: waiting");
    expect(stdout).toContain("the manager signed the closure off: approved");
    expect(stdout).toContain("the lead's closure took effect: closed");
    expect(stdout).toMatch(/the parent answered "How was it for you\?" at \d{4}-/);
  }, 120_000);
});
