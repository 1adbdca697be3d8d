import { parseArgs } from "node:util";
import { type ServerKind, serverKinds } from "../peers/peer-protocol";

export interface CompareOptions {
  rooms: number;
  clients: number;
  /** Edits per second per client. */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** Rounds of every server in turn (A B C A B C …). */
  repeats: number;
  servers: ServerKind[];
  unloadDelayMs: number;
  /** PostgreSQL server for Teamaround and Hocuspocus (each gets a fresh database). */
  databaseUrl: string;
}

export const defaultDatabaseUrl = "postgres://postgres@127.0.0.1:5432/test";

export const compareUsage = `Usage: pnpm bench:compare [--rooms 50] [--clients 10] [--rate 1] [--seconds 20]
  [--warmup 5] [--repeats 1] [--servers teamaround,hocuspocus,y-websocket-server]
  [--unload-delay-ms 1000]
The same load (stock y-websocket clients, Yjs only) against each server in turn,
each in a child process on fresh storage. Teamaround and Hocuspocus store to
PostgreSQL at DATABASE_URL (default ${defaultDatabaseUrl}); y-websocket-server
to LevelDB in a temporary directory.`;

function number(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be ≥ ${min}, not "${value}"`);
  return n;
}

export function serversOf(value: string | undefined): ServerKind[] {
  if (value === undefined) return [...serverKinds];
  const chosen = value.split(",").filter(Boolean);
  const known = chosen.filter((s): s is ServerKind => serverKinds.some((k) => k === s));
  if (known.length !== chosen.length || known.length === 0) {
    throw new Error(`--servers takes a list of ${serverKinds.join(", ")}, not "${value}"`);
  }
  return known;
}

export function readCompareOptions(argv: string[], env: NodeJS.ProcessEnv): CompareOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      rooms: { type: "string" },
      clients: { type: "string" },
      rate: { type: "string" },
      seconds: { type: "string" },
      warmup: { type: "string" },
      repeats: { type: "string" },
      servers: { type: "string" },
      "unload-delay-ms": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return null;
  return {
    rooms: Math.floor(number("rooms", values.rooms, 50, 1)),
    clients: Math.floor(number("clients", values.clients, 10, 2)),
    rate: number("rate", values.rate, 1, 0.01),
    seconds: number("seconds", values.seconds, 20, 1),
    warmupSeconds: number("warmup", values.warmup, 5, 0),
    repeats: Math.floor(number("repeats", values.repeats, 1, 1)),
    servers: serversOf(values.servers),
    unloadDelayMs: number("unload-delay-ms", values["unload-delay-ms"], 1000, 100),
    databaseUrl: env.DATABASE_URL || defaultDatabaseUrl,
  };
}
