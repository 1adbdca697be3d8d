import { Agent, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi, testOrigin } from "../testing/test-api";

let api: TestApi;
let server: ServerType;
let port: number;

beforeAll(async () => {
  api = await startTestApi();
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: api.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await api.close();
});

interface Reply {
  status: number;
  connection: string | undefined;
  body: string;
  socketReused: boolean;
}

/** One request over a keep-alive agent with a single socket, as a browser would reuse it. */
function send(agent: Agent, method: string, path: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { origin: testOrigin };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    const req = httpRequest({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          body: text,
          socketReused: req.reusedSocket,
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

it("after a 413 the connection is closed, so the next request on the agent succeeds", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const tooLarge = JSON.stringify({ displayName: "x".repeat(70 * 1024), levelOfNeed: 2 });
    const refused = await send(agent, "POST", "/api/families", tooLarge);
    expect(refused.status).toBe(413);
    expect(refused.connection).toBe("close");
    expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");

    const next = await send(agent, "GET", "/api/openapi.json");
    expect(next.status).toBe(200);
    expect(next.socketReused).toBe(false);
    const again = await send(agent, "GET", "/api/openapi.json");
    expect(again.status).toBe(200);
  } finally {
    agent.destroy();
  }
});

it("an ordinary refusal keeps the connection open for the next request", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const refused = await send(agent, "POST", "/api/families", "{}");
    expect(refused.status).toBe(400);
    const next = await send(agent, "GET", "/api/openapi.json");
    expect(next.status).toBe(200);
    expect(next.socketReused).toBe(true);
  } finally {
    agent.destroy();
  }
});
