import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { createApi } from "@teamaround/api";
import { createSignInThrottle, defaultSessionPolicy, hashPassword } from "@teamaround/auth";
import type { Environment } from "@teamaround/config";
import { demoPassword, demoSignIns, openMigratedDatabase, seedDemo } from "@teamaround/db";
import { createRealtime } from "@teamaround/realtime";
import { Redis } from "ioredis";
import pino from "pino";
import { readEnvironment } from "./env";
import { createWebApp } from "./web-app";

const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** One process, one port: the API under /api, realtime at /yjs and /socket.io, the web client at /. */
async function main() {
  const env = readEnvironment();
  const logger = pino({ level: env.LOG_LEVEL });
  const handle = await openMigratedDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
  });
  if (env.NODE_ENV !== "production") {
    const seeded = await seedDemo(handle.db, await hashPassword(demoPassword));
    if (seeded === "seeded") logger.info("demo data seeded");
  }
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { enableOfflineQueue: false }) : undefined;
  const now = () => new Date();
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
    now,
  });
  const realtime = createRealtime({
    db: handle.db,
    logger,
    config: { publicOrigin: env.PUBLIC_ORIGIN, sessionPolicy: defaultSessionPolicy },
    now,
  });
  const web = createWebApp(webDist);
  const server = createAdaptorServer({
    fetch: (request: Request) =>
      new URL(request.url).pathname.startsWith("/api") ? api.fetch(request) : web.fetch(request),
  });
  realtime.attach(server as import("node:http").Server);
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    printBanner(env, typeof address === "object" && address ? address.port : env.PORT, handle.kind);
  });
  const stop = async () => {
    server.close();
    await realtime.close();
    redis?.disconnect();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

function printBanner(env: Environment, port: number, kind: string) {
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
