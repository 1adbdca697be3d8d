import { parseArgs } from "node:util";
import type { HistoryShape } from "./protocol";

const shapes: readonly HistoryShape[] = ["typing", "scattered"];

function shapesOf(value: string | undefined): HistoryShape[] {
  if (value === undefined) return [...shapes];
  const chosen = value.split(",").filter(Boolean);
  const known = chosen.filter((s): s is HistoryShape => shapes.some((k) => k === s));
  if (known.length !== chosen.length) {
    throw new Error(`--cold-shapes takes a list of ${shapes.join(", ")}, not "${value}"`);
  }
  return known;
}

export interface BenchOptions {
  rooms: number;
  clients: number;
  /** Edits per second per client. */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** Seconds between one client's chat messages; 0 turns chat off. */
  chatIntervalSeconds: number;
  /** Worker threads the clients are spread over (`--threads`), so the generator's own loop does not saturate. */
  generatorThreads: number;
  /** Diagnosis only: leave the socket.io meetings out (`--no-meetings`). */
  meetings: boolean;
  /** Diagnosis: write a heap snapshot of the server, rooms loaded, here. */
  heapSnapshotDir: string | null;
  coldUpdates: number;
  /** Histories to cold-load: realistic typing, and the scattered worst case. */
  coldShapes: HistoryShape[];
  coldDocuments: number;
  coldRepeats: number;
  /** Write a V8 CPU profile of the server here (`--cpu-prof [dir]`). */
  cpuProfileDir: string | null;
  unloadDelayMs: number;
  databaseUrl: string | undefined;
}

export const usage = `Usage: pnpm bench:realtime [--rooms 50] [--clients 10] [--rate 1] [--seconds 30]
  [--warmup 5] [--chat-interval 10] [--cold-updates 10000] [--cold-docs 3]
  [--cold-shapes typing,scattered] [--cold-repeats 3] [--unload-delay-ms 1000]
  [--threads 1] (load-generator worker threads; more help only with cores to spare)
Diagnosis: [--cpu-prof DIR] (server profile of the window) [--heap-snapshot DIR]
  [--no-meetings] (Yjs clients only)
Set DATABASE_URL to run on PostgreSQL (a fresh database is created and dropped);
without it the server uses a file-backed PGlite in a temporary directory.`;

function positive(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min) {
    throw new Error(`--${name} must be a number ≥ ${min}, not "${value}"`);
  }
  return number;
}

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      rooms: { type: "string" },
      clients: { type: "string" },
      rate: { type: "string" },
      seconds: { type: "string" },
      warmup: { type: "string" },
      "chat-interval": { type: "string" },
      "no-meetings": { type: "boolean" },
      threads: { type: "string" },
      "heap-snapshot": { type: "string" },
      "cold-updates": { type: "string" },
      "cold-docs": { type: "string" },
      "cold-shapes": { type: "string" },
      "cold-repeats": { type: "string" },
      "cpu-prof": { type: "string" },
      "unload-delay-ms": { type: "string" },
      help: { type: "boolean" },
    },
    allowPositionals: false,
  });
  if (values.help) return null;
  const clients = positive("clients", values.clients, 10, 2);
  return {
    rooms: Math.floor(positive("rooms", values.rooms, 50)),
    generatorThreads: Math.floor(positive("threads", values.threads, 1)),
    clients: Math.floor(clients),
    rate: positive("rate", values.rate, 1, 0.01),
    seconds: positive("seconds", values.seconds, 30),
    warmupSeconds: positive("warmup", values.warmup, 5, 0),
    chatIntervalSeconds: positive("chat-interval", values["chat-interval"], 10, 0),
    meetings: !values["no-meetings"],
    heapSnapshotDir: values["heap-snapshot"] ?? null,
    coldUpdates: Math.floor(positive("cold-updates", values["cold-updates"], 10_000, 0)),
    coldShapes: shapesOf(values["cold-shapes"]),
    coldDocuments: Math.floor(positive("cold-docs", values["cold-docs"], 3, 0)),
    coldRepeats: Math.floor(positive("cold-repeats", values["cold-repeats"], 3)),
    cpuProfileDir: values["cpu-prof"] ?? null,
    unloadDelayMs: positive("unload-delay-ms", values["unload-delay-ms"], 1000, 100),
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
