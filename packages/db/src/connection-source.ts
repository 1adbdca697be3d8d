import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "./client";

/** Where a database's connections come from, so a caller can open one of its own (see document-appender.ts). */
export type ConnectionSource =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; pglite: PGlite };

const sources = new WeakMap<Database, ConnectionSource>();

export function rememberConnectionSource(db: Database, source: ConnectionSource): void {
  sources.set(db, source);
}

export function connectionSourceOf(db: Database): ConnectionSource | undefined {
  return sources.get(db);
}
