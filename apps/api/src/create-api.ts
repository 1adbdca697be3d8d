import { OpenAPIHono } from "@hono/zod-openapi";
import { AppError, describeError } from "@teamaround/domain";
import { bodyLimit } from "hono/body-limit";
import type { ApiApp, ApiDeps, ApiEnv } from "./app-env";
import { auditRefusals } from "./families/audit-refusals";
import { registerDocsRoutes } from "./http/docs.routes";
import { errorBody, respondWithError, toAppError, validationError } from "./http/errors";
import { limitPdfs } from "./http/pdf-limit";
import { attachDeps } from "./http/request-meta";
import { requireSameOriginJson } from "./http/same-origin";
import { noStoreWhenSignedIn, securityHeaders } from "./http/security-headers";
import { loadSession } from "./http/session";
import { registerFeatureRoutes } from "./routes";

/** Builds the whole HTTP API. Tests and production build exactly this object. */
export function createApi(deps: ApiDeps): ApiApp {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, `request ${result.target}`);
    },
  });

  app.use("*", attachDeps(deps));
  app.use("*", securityHeaders);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      // The rest of the body is never read, so the connection cannot carry another request.
      onError: (c) => {
        c.header("Connection", "close");
        throw new AppError(
          "payload_too_large",
          `Request bodies are limited to ${deps.config.maxBodyBytes} bytes.`,
        );
      },
    }),
  );
  app.use("/api/*", requireSameOriginJson);
  app.use("/api/*", loadSession);
  app.use("/api/*", auditRefusals);
  app.use("/api/*", noStoreWhenSignedIn);
  app.use("/api/*", limitPdfs(deps.config.pdfsPerMinute));

  registerFeatureRoutes(app);
  registerDocsRoutes(app);

  app.notFound((c) => c.json(errorBody("not_found", "There is nothing at this address."), 404));
  app.onError((err, c) => {
    const appError = toAppError(err);
    if (appError.code === "internal")
      deps.logger.error(
        { error: describeError(err), method: c.req.method, path: c.req.routePath },
        "unhandled error",
      );
    return respondWithError(c, appError);
  });
  return app;
}
