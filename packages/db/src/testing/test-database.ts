import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { createDatabase, type DatabaseHandle } from "../client";
import "./provided-context";

/**
 * Opens the run's migrated database for one test file: the shared PostgreSQL
 * database, or a private PGlite loaded from the migrated dump. Tests isolate
 * themselves by building their own families, never by wiping tables.
 *
 * `isolated: true` is for the few files that assert the whole database did not
 * change (a fingerprint of every table): on PostgreSQL they get a database of
 * their own, copied from the run's untouched template, because other files
 * write to the shared one meanwhile. A PGlite is always private.
 */
export async function openTestDatabase(
  options: { isolated?: boolean } = {},
): Promise<DatabaseHandle> {
  // Imported here, not at the top: the factories beside this file also seed
  // the benchmarks' servers, which should not carry the test runner.
  const { inject } = await import("vitest");
  const target = inject("testDatabase");
  if (target.kind === "postgres") {
    const url = options.isolated ? await copyOfTemplate(target.url, target.template) : target.url;
    return createDatabase({ kind: "postgres", url, maxConnections: 4 });
  }
  const bytes = await readFile(target.dumpPath);
  return createDatabase({ kind: "pglite", loadDataDir: new Blob([bytes]) });
}

/** A new database from the template, named after it (the run's teardown drops it). */
async function copyOfTemplate(runUrl: string, template: string): Promise<string> {
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(runUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
