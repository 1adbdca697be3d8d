import { getConnInfo } from "@hono/node-server/conninfo";
import { createMiddleware } from "hono/factory";
import type { ApiDeps, ApiEnv } from "../app-env";

function remoteAddress(c: Parameters<typeof getConnInfo>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return null;
  }
}

export const attachDeps = (deps: ApiDeps) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.set("deps", deps);
    c.set("actor", null);
    c.set("user", null);
    c.set("session", null);
    c.set("signInState", null);
    c.set("agencyName", null);
    c.set("meta", {
      ipAddress: remoteAddress(c),
      userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
    });
    await next();
  });
