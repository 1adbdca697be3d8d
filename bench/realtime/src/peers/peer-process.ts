import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bundleEntry } from "../bundle-entry";
import type {
  PeerReplyMessage,
  PeerRequest,
  PeerRequestMessage,
  ProcessSample,
} from "./peer-protocol";

const entries = {
  hocuspocus: fileURLToPath(new URL("./hocuspocus-entry.ts", import.meta.url)),
  "y-websocket-server": fileURLToPath(new URL("./y-websocket-server-entry.ts", import.meta.url)),
};

export type PeerKind = keyof typeof entries;

export interface PeerProcess {
  port: number;
  pid: number;
  /** What the peer stores to, in words. */
  storage: string;
  sample(gc: boolean): Promise<ProcessSample>;
  /** Asks the peer to close, then waits for the process to exit. */
  stop(): Promise<void>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
}

/** Starts a peer server in a child process, bundled as the Teamaround server is, and waits until it listens. */
export async function startPeerProcess(
  kind: PeerKind,
  env: Record<string, string>,
): Promise<PeerProcess> {
  const child = fork(await bundleEntry(entries[kind]), [], {
    execArgv: ["--expose-gc"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the ${kind} peer exited before listening (code ${code})`));
    child.once("exit", onExit);
    child.once("message", (message: PeerReplyMessage) => {
      if (message.kind !== "ready") return reject(new Error("unexpected first message"));
      child.off("exit", onExit);
      resolve(connect(child, message.port, message.storage));
    });
  });
}

function connect(child: ChildProcess, port: number, storage: string): PeerProcess {
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.on("message", (message: PeerReplyMessage) => {
    if (message.kind !== "reply") return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(`peer: ${message.error}`));
  });
  void exited.then(() => {
    for (const waiter of waiting.values()) waiter.reject(new Error("the peer exited"));
    waiting.clear();
  });
  const request = (req: PeerRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const message: PeerRequestMessage = { id, request: req };
      child.send(message);
    });
  return {
    port,
    pid: child.pid ?? 0,
    storage,
    sample: (gc) => request({ type: "sample", gc }) as Promise<ProcessSample>,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await request({ type: "close" }).catch(() => null);
      child.disconnect();
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}
