import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bundleEntry } from "./bundle-entry";
import type { ReplyMessage, Request, RequestMessage, ResponseOf } from "./protocol";

const entry = fileURLToPath(new URL("./server/server-entry.ts", import.meta.url));

export interface ServerProcess {
  port: number;
  pid: number;
  request<T extends Request>(request: T): Promise<ResponseOf[T["type"]]>;
  /** Asks the server to close (storing everything), then waits for the process to exit. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  unloadDelayMs: number;
}

/** Starts the realtime server under test as a child process and waits until it listens. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = fork(await bundleEntry(entry), [String(options.unloadDelayMs)], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the bench server exited before listening (code ${code})`));
    child.once("exit", onExit);
    child.once("message", (message: ReplyMessage) => {
      if (message.kind !== "ready") return reject(new Error("unexpected first message"));
      child.off("exit", onExit);
      resolve(connect(child, message.port));
    });
  });
}

function connect(child: ChildProcess, port: number): ServerProcess {
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.on("message", (message: ReplyMessage) => {
    if (message.kind !== "reply") return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(`server: ${message.error}`));
  });
  void exited.then(() => {
    for (const waiter of waiting.values()) waiter.reject(new Error("the bench server exited"));
    waiting.clear();
  });
  const request = <T extends Request>(req: T) =>
    new Promise<ResponseOf[T["type"]]>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: (v) => resolve(v as ResponseOf[T["type"]]), reject });
      const message: RequestMessage = { id, request: req };
      child.send(message);
    });
  return {
    port,
    pid: child.pid ?? 0,
    request,
    async stop() {
      if (child.exitCode !== null) return;
      await request({ type: "close" }).catch(() => null);
      child.disconnect();
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
