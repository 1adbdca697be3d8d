import { getConnInfo } from "@hono/node-server/conninfo";
import { clientAddress, trustNoProxy } from "@teamaround/config";
import { createMiddleware } from "hono/factory";
import type { ApiDeps, ApiEnv } from "../app-env";

function socketAddress(c: Parameters<typeof getConnInfo>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return null;
  }
}

export const attachDeps = (deps: ApiDeps) => {
  const trust = deps.config.trustedProxies ?? trustNoProxy;
  return createMiddleware<ApiEnv>(async (c, next) => {
    c.set("deps", deps);
    c.set("actor", null);
    c.set("user", null);
    c.set("session", null);
    c.set("signInState", null);
    c.set("agencyName", null);
    c.set("meta", {
      // Behind a trusted load balancer, the client it served; else the socket's peer.
      ipAddress: clientAddress(socketAddress(c), c.req.header("x-forwarded-for"), trust),
      userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
    });
    await next();
  });
};
