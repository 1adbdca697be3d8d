import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";

export interface ScratchStorage {
  /** The database URL or directory the server is given. */
  location: string;
  /** Deletes it. */
  remove(): Promise<void>;
}

/** A fresh database `<prefix>_<random>` on the server at `serverUrl`, dropped by `remove`. */
export async function scratchDatabase(serverUrl: string, prefix: string): Promise<ScratchStorage> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    async remove() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A fresh temporary directory, deleted by `remove`. */
export async function scratchDirectory(prefix: string): Promise<ScratchStorage> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { location: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
