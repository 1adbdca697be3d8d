import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { createSignInThrottle } from "@teamaround/auth";
import { type ProxyTrust, trustProxies } from "@teamaround/config";
import { auditEvents } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../app-env";
import { buildAccount } from "../auth/auth-test-support";
import { createApi } from "../create-api";
import { startTestApi, type TestApi, testOrigin } from "../testing/test-api";

// Real sockets: the test client connects from 127.0.0.1, which is the "proxy" when trusted.
let api: TestApi;
const servers: ServerType[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await api.close();
});

/** The API on a port of its own, trusting those proxies, allowing 3 failures per address. */
async function listen(trusted: ProxyTrust | undefined): Promise<string> {
  const deps: ApiDeps = {
    ...api.deps,
    config: { ...api.deps.config, ...(trusted ? { trustedProxies: trusted } : {}) },
    throttle: createSignInThrottle({ perIp: { points: 3, durationSec: 600 } }),
  };
  const app = createApi(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function signIn(base: string, email: string, forwardedFor?: string) {
  return fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: {
      origin: testOrigin,
      "content-type": "application/json",
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password: "not the password at all" }),
  });
}

async function failedSignInAddress(base: string, forwardedFor: string): Promise<string | null> {
  const { user } = await buildAccount(api);
  expect((await signIn(base, user.email, forwardedFor)).status).toBe(401);
  const [row] = await api.deps.db
    .select({ ipAddress: auditEvents.ipAddress })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.event, "session.sign_in_failed"), eq(auditEvents.resourceId, user.id)),
    );
  return row?.ipAddress ?? null;
}

const unknownEmail = () => `nobody-${randomUUID()}@example.test`;

describe("the client's address behind a load balancer", () => {
  it("keeps the socket's address when the header comes from a socket that is not a trusted proxy", async () => {
    const untrusted = await listen(undefined);
    expect(await failedSignInAddress(untrusted, "203.0.113.9")).toBe("127.0.0.1");
    const otherProxy = await listen(trustProxies(["10.0.0.0/8"]));
    expect(await failedSignInAddress(otherProxy, "203.0.113.9")).toBe("127.0.0.1");
  });

  it("a forged header does not escape the throttle of an untrusted socket", async () => {
    const base = await listen(undefined);
    for (const forged of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
      expect((await signIn(base, unknownEmail(), forged)).status).toBe(401);
    }
    expect((await signIn(base, unknownEmail(), "203.0.113.4")).status).toBe(429);
  });

  it("from a trusted proxy, records and throttles the client's address", async () => {
    const base = await listen(trustProxies(["127.0.0.1"]));
    expect(await failedSignInAddress(base, "203.0.113.9")).toBe("203.0.113.9");
    for (let i = 0; i < 2; i++) {
      expect((await signIn(base, unknownEmail(), "203.0.113.9")).status).toBe(401);
    }
    // Three failures from 203.0.113.9: that client is stopped, another behind the same proxy is not.
    expect((await signIn(base, unknownEmail(), "203.0.113.9")).status).toBe(429);
    expect((await signIn(base, unknownEmail(), "203.0.113.10")).status).toBe(401);
  });

  it("through a chain of proxies, takes the right-most address that is not a trusted proxy", async () => {
    const base = await listen(trustProxies(["127.0.0.1", "192.0.2.0/24"]));
    // 198.51.100.1 is what the client wrote; 203.0.113.20 is who reached the outer proxy.
    const chain = "198.51.100.1, 203.0.113.20, 192.0.2.7";
    expect(await failedSignInAddress(base, chain)).toBe("203.0.113.20");
  });
});
