import { mkdir } from "node:fs/promises";
import { createDatabase, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

/**
 * What every entry point does at start: PostgreSQL when a URL is configured,
 * else embedded PGlite in `dataDir`; then the committed migrations.
 */
export async function openMigratedDatabase(config: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.databaseUrl) {
    handle = await createDatabase({ kind: "postgres", url: config.databaseUrl });
  } else {
    await mkdir(config.dataDir, { recursive: true });
    handle = await createDatabase({ kind: "pglite", dataDir: config.dataDir });
  }
  await migrateDatabase(handle);
  return handle;
}
