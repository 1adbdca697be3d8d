import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../client";
import { migrateDatabase, migrationsFolder } from "../migrate";
import "./provided-context";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const cacheDir = join(packageDir, "node_modules/.cache/migrated-pglite");

/** Names the migrated template after everything that shapes it: the migrations and PGlite's version. */
async function templateKey(): Promise<string> {
  const hash = createHash("sha256");
  // A direct dependency of this package, so its manifest is here whatever the layout.
  hash.update(await readFile(join(packageDir, "node_modules/@electric-sql/pglite/package.json")));
  for (const dir of [migrationsFolder, join(migrationsFolder, "meta")]) {
    for (const name of (await readdir(dir)).sort()) {
      if (name.endsWith(".sql") || name === "_journal.json") {
        hash.update(name).update(await readFile(join(dir, name)));
      }
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The PGlite data directory after every migration, as a gzipped dump shared by
 * every package's test run until a migration changes: migrating takes seconds,
 * loading the dump a fraction of that.
 */
async function migratedTemplate(): Promise<string> {
  const dumpPath = join(cacheDir, `${await templateKey()}.tar.gz`);
  try {
    await access(dumpPath);
    return dumpPath;
  } catch {
    // Not built yet for these migrations.
  }
  const handle = await createDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  const dump = await handle.pglite?.dumpDataDir("gzip");
  await handle.close();
  if (!dump) throw new Error("PGlite could not dump its data directory");
  await mkdir(cacheDir, { recursive: true });
  // Written aside then renamed, so a run beside this one never reads half a file.
  const partial = `${dumpPath}.${randomBytes(4).toString("hex")}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, dumpPath);
  return dumpPath;
}

/**
 * Migrates one database for the whole test run. With DATABASE_URL it creates a
 * fresh PostgreSQL database named for this run, and an untouched template copy
 * of it (all dropped afterwards), so runs never collide; without it, every test file loads a private PGlite from the
 * migrated template. Under a root run of several projects this runs once per
 * project, so it returns its own teardown rather than keeping module state.
 */
export async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
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
    // No one ever connects to the template, so files can copy it at any time.
    const template = `${name}_template`;
    await admin.unsafe(`create database ${template} template ${name}`);
    project.provide("testDatabase", { kind: "postgres", url: url.toString(), template });
    return async () => {
      const made = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`${name}%`}`;
      for (const { datname } of made) {
        await admin.unsafe(`drop database if exists ${datname} with (force)`);
      }
      await admin.end();
    };
  }
  project.provide("testDatabase", { kind: "pglite", dumpPath: await migratedTemplate() });
  return undefined;
}
