import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { ApiEnv } from "../app-env";

/** CSP, HSTS, nosniff, no framing, strict referrer; and no caching of anything signed-in. */
const strictHeaders = headersWith(["'self'"]);
// The API reference UI sets inline styles; it gets them and nothing else extra.
const docsHeaders = headersWith(["'self'", "'unsafe-inline'"]);

export const securityHeaders: MiddlewareHandler = (c, next) =>
  c.req.path.startsWith("/api/docs") ? docsHeaders(c, next) : strictHeaders(c, next);

function headersWith(styleSrc: string[]) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc,
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    xContentTypeOptions: "nosniff",
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
  });
}

export const noStoreWhenSignedIn = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  if (c.var.actor || c.var.session) c.header("Cache-Control", "no-store");
});
