import postgres from "postgres";

/** A fresh database on the server of `serverUrl`, and a way to drop it. */
export async function createBenchDatabase(serverUrl: string, reuse: string | null) {
  if (reuse !== null && !/^bench_oversight_\d+$/.test(reuse))
    throw new Error("--reuse names a bench_oversight_<time> database");
  const name = reuse ?? `bench_oversight_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    /**
     * While generating: no foreign-key triggers (the generator's rows are
     * consistent by construction; its test checks them with the triggers on)
     * and no waiting for the disk at each commit. Applies to new sessions.
     */
    async fastLoad(on: boolean) {
      if (on) {
        await admin.unsafe(`alter database ${name} set session_replication_role = replica`);
        await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
      } else {
        await admin.unsafe(`alter database ${name} reset all`);
      }
    },
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
    async keep() {
      await admin.end();
    },
  };
}
