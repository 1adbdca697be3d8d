import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultSessionPolicy } from "@teamaround/auth";
import { openMigratedDatabase } from "@teamaround/db";
import pino from "pino";
import { defaultLimits } from "./collab/limits";
import { createRealtime } from "./create-realtime";
import { readEnvironment } from "./env";

/** Runs the realtime server on its own (production scale-out, and the kill -9 test). */
async function main() {
  const env = readEnvironment();
  const logger = pino({ level: env.LOG_LEVEL });
  const handle = await openMigratedDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
  });
  if (env.REDIS_URL) {
    logger.warn("REDIS_URL is set, but Yjs relaying between nodes is not built yet: single node");
  }
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
    },
    now: () => new Date(),
  });
  realtime.attach(server);
  server.listen(env.PORT, env.HOST, () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`Teamaround realtime listening on ws://${env.HOST}:${port}/yjs/\n`);
  });
  const stop = async () => {
    await realtime.close();
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
