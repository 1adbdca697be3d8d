import { serve } from "@hono/node-server";
import { connectThrottleRedis, createSignInThrottle, hashPassword } from "@teamaround/auth";
import { demoPassword, openMigratedDatabase, seedDemo } from "@teamaround/db";
import { logSafeSerializers } from "@teamaround/domain";
import { createEventBus } from "@teamaround/events";
import {
  createNoticeScheduler,
  createNoticeTransport,
  createNoticeWorker,
} from "@teamaround/notices";
import pino from "pino";
import { apiConfigFrom } from "./api-config";
import { createApi } from "./create-api";
import { readEnvironment } from "./env";

/**
 * The API on its own, for deployments that run API and realtime processes
 * separately. `pnpm start` runs everything in one process (apps/server).
 */
async function main() {
  const env = readEnvironment();
  const logger = pino({ level: env.LOG_LEVEL, serializers: logSafeSerializers });
  const handle = await openMigratedDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
  });
  if (env.NODE_ENV !== "production") await seedDemo(handle.db, await hashPassword(demoPassword));
  const redis = env.REDIS_URL
    ? await connectThrottleRedis(env.REDIS_URL, (error) =>
        logger.warn({ err: error }, "sign-in throttle: Redis does not answer"),
      )
    : undefined;
  // Realtime processes hear this API only through Redis; without it they rely on their re-check.
  const events = createEventBus({ redisUrl: env.REDIS_URL, logger });
  const api = createApi({
    db: handle.db,
    config: apiConfigFrom(env),
    logger,
    // Without Redis the counts live in the database, so a restart does not clear them.
    throttle: createSignInThrottle(redis ? { redis } : { db: handle.db }),
    events,
    now: () => new Date(),
  });
  // Each API process also sends the outbox's notices; claims never overlap across processes.
  const notices = createNoticeWorker({
    db: handle.db,
    transport: createNoticeTransport(env.notices, handle.db),
    logger,
    publicOrigin: env.PUBLIC_ORIGIN,
    onInAppDelivered: (userIds) => events.publish({ type: "notifications.changed", userIds }),
  });
  notices.start();
  // "Due tomorrow" notices and daily digests; idempotent, so every API process may tick.
  const scheduler = createNoticeScheduler({
    db: handle.db,
    logger,
    onEnqueued: () => notices.wake(),
  });
  scheduler.start();
  const server = serve({ fetch: api.fetch, port: env.PORT, hostname: env.HOST }, (info) =>
    logger.info(`Teamaround API listening on ${env.HOST}:${info.port}`),
  );
  const stop = async () => {
    server.close();
    await scheduler.stop();
    await notices.stop();
    redis?.disconnect();
    await events.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
