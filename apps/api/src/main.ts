import { mkdir } from "node:fs/promises";
import { serve } from "@hono/node-server";
import { createSignInThrottle, defaultSessionPolicy, hashPassword } from "@teamaround/auth";
import {
  createDatabase,
  type DatabaseHandle,
  demoPassword,
  demoSignIns,
  migrateDatabase,
  seedDemo,
} from "@teamaround/db";
import { Redis } from "ioredis";
import pino from "pino";
import { createApi } from "./create-api";
import { type ApiEnvironment, readEnvironment } from "./env";

async function openDatabase(env: ApiEnvironment): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return createDatabase({ kind: "postgres", url: env.DATABASE_URL });
  await mkdir(env.DATA_DIR, { recursive: true });
  return createDatabase({ kind: "pglite", dataDir: env.DATA_DIR });
}

async function main() {
  const env = readEnvironment();
  const logger = pino({ level: env.LOG_LEVEL });
  const handle = await openDatabase(env);
  await migrateDatabase(handle);
  if (env.NODE_ENV !== "production") {
    const seeded = await seedDemo(handle.db, await hashPassword(demoPassword));
    if (seeded === "seeded") logger.info("demo data seeded");
  }
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { enableOfflineQueue: false }) : undefined;
  const api = createApi({
    db: handle.db,
    config: {
      publicOrigin: env.PUBLIC_ORIGIN,
      nodeEnv: env.NODE_ENV,
      sessionPolicy: defaultSessionPolicy,
      maxBodyBytes: 64 * 1024,
    },
    logger,
    throttle: createSignInThrottle(redis ? { redis } : {}),
    now: () => new Date(),
  });
  const server = serve({ fetch: api.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    printBanner(env, info.port, handle.kind);
  });
  const stop = async () => {
    server.close();
    redis?.disconnect();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

function printBanner(env: ApiEnvironment, port: number, kind: string) {
  const url = env.PUBLIC_ORIGIN.replace(`:${env.PORT}`, `:${port}`);
  const lines = [
    "",
    `Teamaround is running at ${url}`,
    `  API reference: ${url}/api/docs`,
    `  Database: ${kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL"}`,
  ];
  if (env.NODE_ENV !== "production") {
    lines.push(`  Demo sign-ins (password for all: ${demoPassword}):`);
    for (const s of demoSignIns) lines.push(`    ${s.email.padEnd(36)} ${s.name} — ${s.role}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
