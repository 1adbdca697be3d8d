import { fileURLToPath } from "node:url";
import { apiConfigFrom } from "@teamaround/api";
import { connectThrottleRedis, createSignInThrottle, hashPassword } from "@teamaround/auth";
import type { Environment } from "@teamaround/config";
import { demoPassword, demoSignIns, openMigratedDatabase, seedDemo } from "@teamaround/db";
import { logSafeSerializers } from "@teamaround/domain";
import { createEventBus } from "@teamaround/events";
import pino from "pino";
import { createServer } from "./create-server";
import { readEnvironment } from "./env";

const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** One process, one port: the API under /api, realtime at /yjs and /socket.io, the web client at /. */
async function main() {
  const env = readEnvironment();
  const logger = pino({ level: env.LOG_LEVEL, serializers: logSafeSerializers });
  const handle = await openMigratedDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
  });
  if (env.NODE_ENV !== "production") {
    const seeded = await seedDemo(handle.db, await hashPassword(demoPassword));
    if (seeded === "seeded") logger.info("demo data seeded");
  }
  // Without REDIS_URL nothing connects to Redis: one process works alone.
  const redis = env.REDIS_URL
    ? await connectThrottleRedis(env.REDIS_URL, (error) =>
        logger.warn({ err: error }, "sign-in throttle: Redis does not answer"),
      )
    : undefined;
  const events = createEventBus({ redisUrl: env.REDIS_URL, logger });
  const teamaround = createServer({
    db: handle.db,
    logger,
    config: {
      ...apiConfigFrom(env),
      webDist,
      notices: env.notices,
      ice: env.ice,
      ...(env.REDIS_URL ? { redis: { url: env.REDIS_URL } } : {}),
    },
    // Without Redis the counts live in the database, so a restart does not clear them.
    throttle: createSignInThrottle(redis ? { redis } : { db: handle.db }),
    events,
    now: () => new Date(),
  });
  const port = await teamaround.listen(env.PORT, env.HOST);
  // performance.now() counts from the start of the process.
  const startupMs = Math.round(performance.now());
  logger.info({ port, startupMs }, "listening");
  printBanner(env, port, handle.kind, startupMs);
  const stop = async () => {
    await teamaround.close();
    await events.close();
    redis?.disconnect();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

const noticeLine = {
  local: "kept in the local outbox (Administration → Sent notices); set SMTP_URL to send them",
  smtp: "sent by SMTP",
  notify: "sent through GOV.UK Notify",
} as const;

function printBanner(env: Environment, port: number, kind: string, startupMs: number) {
  const url = env.PUBLIC_ORIGIN.replace(`:${env.PORT}`, `:${port}`);
  const lines = [
    "",
    `Teamaround is running at ${url} (started in ${startupMs} ms)`,
    `  API reference: ${url}/api/docs`,
    `  Database: ${kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL"}`,
    `  Realtime: ${env.REDIS_URL ? "rooms shared with other nodes through Redis" : "single node"}`,
    `  Notices: ${noticeLine[env.notices.transport]}`,
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
