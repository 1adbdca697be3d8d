import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, openMigratedDatabase } from "@teamaround/db";
import postgres from "postgres";

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** Closes the database and deletes everything the bench created. */
  dispose(): Promise<void>;
}

/**
 * A database of the bench's own: with `databaseUrl`, a fresh PostgreSQL
 * database on that server (dropped afterwards); otherwise a file-backed
 * PGlite in a temporary directory (deleted afterwards). Migrated either way.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (databaseUrl) return openFreshPostgres(databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), "teamaround-bench-"));
  const handle = await openMigratedDatabase({ dataDir: join(dir, "pglite") });
  return {
    handle,
    async dispose() {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function openFreshPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `teamaround_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openMigratedDatabase({ databaseUrl: url.toString(), dataDir: "" });
  return {
    handle,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
