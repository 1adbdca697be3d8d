import { type ChildProcess, fork } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const apiEntry = fileURLToPath(new URL("../../../../apps/api/src/main.ts", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real API (apps/api's entry: createApi with its production dependencies)
 * in a child process on the bench database, so its CPU is its own.
 */
export async function startApiProcess(databaseUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = fork(apiEntry, [], {
    execArgv: ["--import", import.meta.resolve("tsx")],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the API exited (code ${child.exitCode})`);
    try {
      await fetch(`${baseUrl}/api/session`);
      break;
    } catch {
      if (attempt > 600) throw new Error("the API did not start within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    baseUrl,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
