import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { e2eEnv } from "./env";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

export interface RunningServer {
  origin: string;
  /** Everything the server printed, for failures. */
  output: () => string;
  /** Stops the process (SIGTERM: it stores every accepted update first), keeping its data. */
  halt: () => Promise<void>;
  /** Starts it again on the same port and data. */
  resume: () => Promise<void>;
  /** Stops it and removes its data. */
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The default single-node start: embedded PGlite in DATA_DIR, no Redis, whatever the caller's shell has. */
function serverEnv(settings: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...e2eEnv.inherited, ...settings };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

/** `pnpm start` builds the web client and the server first; so does this, once per run. */
export function buildWeb(): void {
  const built = spawnSync(
    "pnpm",
    ["--filter", "@teamaround/web", "--filter", "@teamaround/server", "build"],
    {
      cwd: root,
      stdio: "pipe",
      encoding: "utf8",
    },
  );
  if (built.status !== 0)
    throw new Error(`building the client and server failed:\n${built.stderr}`);
}

/** Sends a signal to the whole process group the server leads. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * The real start command's server (`node apps/server/dist/main.js`, as `pnpm start`
 * runs it) on a free port, a fresh embedded database in a temporary directory,
 * and demo data. Its own process group, so stopping it stops everything it started.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "teamaround-e2e-"));
  let output = "";
  let child: ChildProcess | null = null;

  const launch = async () => {
    const started = output.length;
    const proc = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/main.js"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: serverEnv({
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_ORIGIN: origin,
        DATA_DIR: dataDir,
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
      }),
    });
    child = proc;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    proc.stdout?.on("data", collect);
    proc.stderr?.on("data", collect);
    const deadline = Date.now() + 90_000;
    while (!output.slice(started).includes("Teamaround is running")) {
      if (proc.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the server did not start in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const halt = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    signal(running, "SIGTERM");
    const timer = setTimeout(() => signal(running, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const stop = async () => {
    await halt();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, output: () => output, halt, resume: launch, stop };
}
