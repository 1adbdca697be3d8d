import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultSessionPolicy } from "@teamaround/auth";
import { trustProxies } from "@teamaround/config";
import { openMigratedDatabase } from "@teamaround/db";
import { logSafeSerializers } from "@teamaround/domain";
import { createEventBus } from "@teamaround/events";
import pino from "pino";
import { defaultLimits } from "./collab/limits";
import { createRealtime } from "./create-realtime";
import { readEnvironment } from "./env";

/** Runs the realtime server on its own (production scale-out, and the kill -9 test). */
async function main() {
  const env = readEnvironment();
  const logger = pino({ level: env.LOG_LEVEL, serializers: logSafeSerializers });
  const handle = await openMigratedDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
  });
  // With REDIS_URL: the API's events, Yjs updates and meeting rooms are shared with other nodes.
  const events = createEventBus({ redisUrl: env.REDIS_URL, logger });
  const server = createServer((_request, response) => {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
  });
  const realtime = createRealtime({
    db: handle.db,
    logger,
    config: {
      publicOrigin: env.PUBLIC_ORIGIN,
      sessionPolicy: defaultSessionPolicy,
      limits: defaultLimits,
      ice: env.ice,
      trustedProxies: trustProxies(env.TRUSTED_PROXIES),
      ...(env.REDIS_URL ? { redis: { url: env.REDIS_URL } } : {}),
    },
    now: () => new Date(),
    events,
  });
  realtime.attach(server);
  server.listen(env.PORT, env.HOST, () => {
    const { port } = server.address() as AddressInfo;
    const nodes = env.REDIS_URL ? "sharing rooms through Redis" : "single node";
    process.stdout.write(
      `Teamaround realtime listening on ws://${env.HOST}:${port}/yjs/ and /socket.io (${nodes})\n`,
    );
  });
  const stop = async () => {
    await realtime.close();
    await events.close();
    server.close();
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
