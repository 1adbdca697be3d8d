/**
 * Writes the API's OpenAPI document to apps/web/src/api/openapi.json, so the web
 * client's types are generated from the same contract the server enforces.
 * Builds the real API over a throwaway in-memory PGlite; starts no server.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSignInThrottle, defaultSessionPolicy } from "@teamaround/auth";
import { createDatabase } from "@teamaround/db";
import { createLocalEventBus } from "@teamaround/events";
import pino from "pino";
import { createApi } from "../src/create-api";

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, "../../web/src/api/openapi.json");
const origin = "http://127.0.0.1:3000";

const handle = await createDatabase({ kind: "pglite" });
try {
  const api = createApi({
    db: handle.db,
    config: {
      publicOrigin: origin,
      nodeEnv: "development",
      sessionPolicy: defaultSessionPolicy,
      maxBodyBytes: 64 * 1024,
    },
    logger: pino({ level: "silent" }),
    throttle: createSignInThrottle({}),
    events: createLocalEventBus(),
    now: () => new Date(),
  });
  const response = await api.request("/api/openapi.json", { headers: { origin } });
  if (!response.ok) throw new Error(`The API answered ${response.status} for its document.`);
  const document: unknown = await response.json();
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`OpenAPI document written to ${target}\n`);
} finally {
  await handle.close();
}
