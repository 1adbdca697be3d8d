import { AppError } from "@teamaround/domain";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../app-env";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for a cookie-authenticated JSON API: every state-changing
 * request must name our origin and carry JSON. Hono's stock csrf() helper
 * lets any JSON request through, which is why this exists.
 */
export const requireSameOriginJson = createMiddleware<ApiEnv>(async (c, next) => {
  if (safeMethods.has(c.req.method)) return next();
  const origin = c.req.header("origin");
  if (origin !== c.var.deps.config.publicOrigin) {
    throw new AppError("forbidden", "This request did not come from Teamaround's own pages.");
  }
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/i.test(contentType)) {
    throw new AppError(
      "forbidden",
      "Requests that change data must send JSON (Content-Type: application/json).",
    );
  }
  return next();
});
