import { createServer } from "node:net";
import { openMigratedDatabase } from "@teamaround/db";
import type { Framing } from "../clients/editor";
import { peerStorage, startPeerOn } from "../compare/servers";
import type { PeerProcess } from "../peers/peer-process";
import type { ServerKind } from "../peers/peer-protocol";
import { type ScratchStorage, scratchDatabase } from "../peers/scratch-storage";
import type { BenchRoom } from "../protocol";
import { seedAgencies, seedRoom } from "../server/seed";
import { startRealtimeMain } from "./teamaround-process";

/** A server that can be killed and started again on the same storage and port. */
export interface KillableServer {
  kind: ServerKind;
  port: number;
  framing: Framing;
  storage: string;
  /** One room per trial, made before the first start. */
  rooms: BenchRoom[];
  start(): Promise<void>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** Stops the server and deletes its storage. */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function teamaround(databaseUrl: string, trials: number, clients: number) {
  const storage = await scratchDatabase(databaseUrl, "teamaround_bench_kill");
  const handle = await openMigratedDatabase({ databaseUrl: storage.location, dataDir: "" });
  const rooms: BenchRoom[] = [];
  try {
    const agencies = await seedAgencies(handle.db);
    for (let i = 0; i < trials; i++) rooms.push(await seedRoom(handle.db, agencies, clients));
  } finally {
    await handle.close();
  }
  const port = await freePort();
  let process: Awaited<ReturnType<typeof startRealtimeMain>> | null = null;
  const server: KillableServer = {
    kind: "teamaround",
    port,
    framing: "y-websocket",
    storage: "PostgreSQL (fresh database); apps/realtime/src/main.ts as in production",
    rooms,
    async start() {
      process = await startRealtimeMain(port, storage.location);
    },
    async kill() {
      await process?.kill();
    },
    async dispose() {
      await process?.stop();
      await storage.remove();
    },
  };
  return server;
}

function namedRoom(trial: number, clients: number): BenchRoom {
  const id = `kill-${Date.now()}-${trial}`;
  const users = Array.from({ length: clients }, (_, i) => ({ userId: `u${i}`, cookie: "" }));
  return { familyId: id, documentName: `plan:${id}`, meetingId: "", users };
}

async function peer(
  kind: "hocuspocus" | "y-websocket-server",
  databaseUrl: string,
  trials: number,
  clients: number,
) {
  const storage: ScratchStorage = await peerStorage(kind, databaseUrl);
  const port = await freePort();
  let process: PeerProcess | null = null;
  let described = "";
  const server: KillableServer = {
    kind,
    port,
    framing: kind === "hocuspocus" ? "hocuspocus" : "y-websocket",
    get storage() {
      return described;
    },
    rooms: Array.from({ length: trials }, (_, i) => namedRoom(i, clients)),
    async start() {
      process = await startPeerOn(kind, storage, { PEER_PORT: String(port) });
      described = process.storage;
    },
    async kill() {
      await process?.kill();
    },
    async dispose() {
      await process?.stop();
      await storage.remove();
    },
  };
  return server;
}

export function killableServer(
  kind: ServerKind,
  databaseUrl: string,
  trials: number,
  clients: number,
): Promise<KillableServer> {
  return kind === "teamaround"
    ? teamaround(databaseUrl, trials, clients)
    : peer(kind, databaseUrl, trials, clients);
}
