import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { getHeapSpaceStatistics, writeHeapSnapshot } from "node:v8";
import { defaultSessionPolicy } from "@teamaround/auth";
import { type Database, documentSnapshots, documentUpdates } from "@teamaround/db";
import { createRealtime, type Realtime } from "@teamaround/realtime";
import { count, eq } from "drizzle-orm";
import pino from "pino";
import {
  benchOrigin,
  type ReplyMessage,
  type Request,
  type RequestMessage,
  type ServerSample,
  type StoredState,
} from "../protocol";
import { seedColdDocuments } from "./cold-document";
import { openBenchDatabase } from "./database";
import { WindowProfiler } from "./profiler";
import { type Agencies, seedAgencies, seedRoom } from "./seed";

/**
 * The realtime server under test, in a process of its own so its CPU and
 * memory are its own: the real `createRealtime` on a plain HTTP server on
 * 127.0.0.1, over a bench database. The load generator drives it over IPC.
 */
async function main() {
  const unloadDelayMs = Number(process.argv[2] ?? "1000");
  const database = await openBenchDatabase(process.env.DATABASE_URL);
  const { db } = database.handle;
  const agencies = await seedAgencies(db);
  const server = createServer((_request, response) => {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
  });
  const logger = pino({ level: "warn" }, pino.destination(2));
  const realtime = createRealtime({
    db,
    logger,
    config: {
      publicOrigin: benchOrigin,
      sessionPolicy: defaultSessionPolicy,
      // Every bench user holds one document; cold loads reuse one person many times.
      limits: { maxConnectionsPerUser: 10_000, unloadDelayMs },
    },
    now: () => new Date(),
  });
  realtime.attach(server);
  server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, () => {
    const { port } = server.address() as AddressInfo;
    send({ kind: "ready", port });
  });
  let lastElu = performance.eventLoopUtilization();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const sample = (gc: boolean): ServerSample => {
    const delayMs = (ns: number) => Math.round(ns / 1e4) / 100;
    const eventLoopDelayMs = {
      p50: delayMs(loopDelay.percentile(50)),
      p99: delayMs(loopDelay.percentile(99)),
      max: delayMs(loopDelay.max),
    };
    loopDelay.reset();
    if (gc) globalThis.gc?.();
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    return {
      eventLoopDelayMs,
      at: performance.now(),
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      heapSpaces: getHeapSpaceStatistics().map((space) => ({
        name: space.space_name,
        sizeKiB: Math.round(space.space_size / 1024),
        usedKiB: Math.round(space.space_used_size / 1024),
      })),
      stats: realtime.stats(),
      eventLoopUtilization: elu.utilization,
      dbKind: database.handle.kind,
    };
  };
  const profiler = new WindowProfiler();
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Work still queued when the bench stops fails as the database goes; that is not news.
      logger.level = "silent";
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
    })();
    return closing;
  };
  process.on("message", (message: RequestMessage) => {
    answer(message.request, { db, realtime, agencies, sample, profiler, close }).then(
      (value) => send({ kind: "reply", id: message.id, ok: true, value }),
      (error: unknown) =>
        send({ kind: "reply", id: message.id, ok: false, error: describe(error) }),
    );
  });
  process.on("disconnect", () => void close().finally(() => process.exit(0)));
}

interface Context {
  db: Database;
  realtime: Realtime;
  agencies: Agencies;
  sample(gc: boolean): ServerSample;
  profiler: WindowProfiler;
  close(): Promise<void>;
}

async function answer(request: Request, ctx: Context): Promise<unknown> {
  switch (request.type) {
    case "seedRooms": {
      const rooms = [];
      for (let i = 0; i < request.rooms; i++) {
        rooms.push(await seedRoom(ctx.db, ctx.agencies, request.clients));
      }
      return rooms;
    }
    case "seedColdDocuments":
      return seedColdDocuments(ctx.db, ctx.agencies, request.shape, request.count, request.updates);
    case "sample":
      return ctx.sample(request.gc);
    case "isLoaded":
      return ctx.realtime.documentState(request.documentName) !== null;
    case "storedState":
      return storedState(ctx.db, request.documentName);
    case "heapSnapshot":
      return writeHeapSnapshot(join(request.dir, `realtime-server-${Date.now()}.heapsnapshot`));
    case "profileStart":
      await ctx.profiler.start();
      return null;
    case "profileStop":
      return ctx.profiler.stop(request.dir);
    case "close":
      // The parent disconnects after this answer, and the process then exits.
      await ctx.close();
      return null;
  }
}

async function storedState(db: Database, documentName: string): Promise<StoredState> {
  const [log] = await db
    .select({ rows: count() })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentName, documentName));
  const [snapshot] = await db
    .select({ state: documentSnapshots.state })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.documentName, documentName));
  return { logRows: log?.rows ?? 0, snapshotBytes: snapshot?.state.byteLength ?? null };
}

function send(message: ReplyMessage): void {
  process.send?.(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${describe(error)}\n`);
  process.exit(1);
});
