import { vi } from "vitest";

export interface RecordedCall {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials;
  url: string;
  body: unknown;
}

type Reply = [status: number, body?: unknown];
type Handler = (call: RecordedCall) => Reply | Promise<Reply>;

/**
 * Stands in for the API over `fetch` (a third party to the web client):
 * routes "METHOD /path" to canned replies and records every request.
 */
export function fakeApi(routes: Record<string, Handler | Reply>) {
  const calls: RecordedCall[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const text = input.method === "GET" ? "" : await input.text();
    const call: RecordedCall = {
      method: input.method,
      path: url.pathname,
      headers: input.headers,
      credentials: input.credentials,
      url: input.url,
      body: text ? JSON.parse(text) : undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const [status, body] =
      route === undefined
        ? [404, { error: { code: "not_found", message: "No route in this test." } }]
        : typeof route === "function"
          ? await route(call)
          : route;
    return new Response(status === 204 ? null : JSON.stringify(body ?? {}), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetch);
  return {
    calls,
    callsTo: (method: string, path: string) =>
      calls.filter((c) => c.method === method && c.path === path),
  };
}
