import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ApiApp } from "../app-env";

const require = createRequire(import.meta.url);
const swaggerDir = join(require.resolve("swagger-ui-dist/package.json"), "..");

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Teamaround API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="reference"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#reference", deepLinking: true });`;

const assets: Record<string, { file: string; type: string }> = {
  "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
};

/** The OpenAPI document and a reference UI, with every asset served from here (no CDN). */
export function registerDocsRoutes(app: ApiApp): void {
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Teamaround API",
      version: "0.1.0",
      description:
        "Team Around the Child: families, teams, consent, information sharing, outcomes and actions. Sign in with POST /api/auth/sign-in; every state-changing request must send JSON and a same-origin Origin header.",
    },
  });
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/docs/assets/init.js", (c) =>
    c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/api/docs/assets/:file", async (c) => {
    const name = c.req.param("file");
    // Own keys only: "constructor" or "__proto__" must not reach readFile.
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return c.notFound();
    const body = await readFile(join(swaggerDir, asset.file));
    return c.body(body, 200, {
      "content-type": asset.type,
      "cache-control": "public, max-age=86400",
    });
  });
}
