import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { securityHeaders } from "@teamaround/api";
import { Hono } from "hono";

/**
 * Serves the built web client: its hashed assets, and index.html for every
 * other path so the client's router can take it. Same security headers as the API.
 */
export function createWebApp(distDir: string): Hono {
  const app = new Hono();
  app.use("*", securityHeaders);
  if (!existsSync(join(distDir, "index.html"))) {
    app.get("*", (c) =>
      c.text("The web client is not built yet: run `pnpm --filter @teamaround/web build`.", 503),
    );
    return app;
  }
  app.use(
    "/assets/*",
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  app.use("*", serveStatic({ root: distDir }));
  app.get("*", async (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(await readFile(join(distDir, "index.html"), "utf8"));
  });
  return app;
}
