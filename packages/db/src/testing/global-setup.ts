import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import "./provided-context";

let cleanup: (() => Promise<void>) | undefined;

/**
 * Migrates one database for the whole test run. With DATABASE_URL it creates a
 * fresh PostgreSQL database named for this run (dropped afterwards), so runs
 * never collide; without it, it migrates an in-memory PGlite once and dumps
 * that state for every test file to load.
 */
export async function setup(project: TestProject): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `teamaround_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await createDatabase({
      kind: "postgres",
      url: url.toString(),
      maxConnections: 1,
    });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("testDatabase", { kind: "postgres", url: url.toString() });
    cleanup = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    return;
  }
  const handle = await createDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  const dump = await handle.pglite?.dumpDataDir("gzip");
  await handle.close();
  if (!dump) throw new Error("PGlite could not dump its data directory");
  const dir = await mkdtemp(join(tmpdir(), "teamaround-test-"));
  const dumpPath = join(dir, "migrated.tar.gz");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDatabase", { kind: "pglite", dumpPath });
  cleanup = () => rm(dir, { recursive: true, force: true });
}

export async function teardown(): Promise<void> {
  await cleanup?.();
}
