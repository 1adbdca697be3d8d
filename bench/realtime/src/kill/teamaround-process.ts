import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchOrigin } from "../protocol";

const mainPath = fileURLToPath(new URL("../../../../apps/realtime/src/main.ts", import.meta.url));
const appDir = fileURLToPath(new URL("../../../../apps/realtime/", import.meta.url));

/** The production entry of the realtime server (`apps/realtime/src/main.ts`) in a process of its own. */
export async function startRealtimeMain(
  port: number,
  databaseUrl: string,
): Promise<{ kill(): Promise<void>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", mainPath], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_ORIGIN: benchOrigin,
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await listening(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    async kill() {
      if (gone()) return;
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function listening(child: ChildProcess): Promise<void> {
  let output = "";
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`realtime exited (${code}) before listening:\n${output}`));
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes("listening on")) return;
      child.off("exit", onExit);
      resolve();
    });
    child.once("exit", onExit);
  });
}
