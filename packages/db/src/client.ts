import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { rememberConnectionSource } from "./connection-source";
import { preparingClient } from "./prepared-statements";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseOptions =
  | {
      kind: "postgres";
      url: string;
      maxConnections?: number;
      /** Prepare each statement once per connection (default; see prepared-statements.ts). */
      preparedStatements?: boolean;
    }
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob | File };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseOptions["kind"];
  /** The embedded engine, when there is one (tests dump and load its state). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * The one way to get a database: PostgreSQL through postgres.js when a URL is
 * given, else embedded PGlite (in memory when no directory is given).
 */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const driven = options.preparedStatements === false ? client : preparingClient(client);
    const db = drizzlePostgres(driven, { schema, casing: undefined }) as unknown as Database;
    rememberConnectionSource(db, { kind: "postgres", url: options.url });
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  // Loaded only when used: the engine's module alone is ~37 MB of a server's
  // resident memory, which a server on PostgreSQL never needs.
  const { PGlite: Engine } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const pglite = await Engine.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  rememberConnectionSource(db, { kind: "pglite", pglite });
  return { db, kind: "pglite", pglite, close: () => pglite.close() };
}
