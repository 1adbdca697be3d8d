import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { createDatabase, type DatabaseHandle } from "../client";
import "./provided-context";

/**
 * Opens the run's migrated database for one test file: the shared PostgreSQL
 * database, or a private PGlite loaded from the migrated dump. Tests isolate
 * themselves by building their own families, never by wiping tables.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const target = inject("testDatabase");
  if (target.kind === "postgres") {
    return createDatabase({ kind: "postgres", url: target.url, maxConnections: 4 });
  }
  const bytes = await readFile(target.dumpPath);
  return createDatabase({ kind: "pglite", loadDataDir: new Blob([bytes]) });
}
