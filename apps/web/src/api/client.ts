import createClient, { type Middleware } from "openapi-fetch";
import { ApiError } from "./errors";
import type { paths } from "./schema";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The API's CSRF rule: every state-changing request carries JSON's content
 * type (DELETE too, even without a body). Browsers add the `Origin` header
 * themselves to same-origin requests that are not GET, which is why every
 * call goes to our own origin.
 */
export const jsonHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set("accept", "application/json");
    if (!safeMethods.has(request.method)) request.headers.set("content-type", "application/json");
    return request;
  },
};

export function createApiClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? "",
    credentials: "same-origin",
    // Looked up on each call, not once, so the page's own fetch is always the one used.
    fetch: (request: Request) => (options.fetch ?? globalThis.fetch)(request),
  });
  client.use(jsonHeaders);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The one client the app uses. */
export const api = createApiClient();

type AnyResult = { data?: unknown; error?: unknown; response: Response };
/** The success branch of an openapi-fetch result. */
type Success<R> = Extract<R, { error?: never }> extends { data: infer D } ? D : never;

/**
 * Resolves to the response body, or throws `ApiError` for any non-2xx answer
 * and for a request that never reached the server.
 */
export async function unwrap<R extends AnyResult>(call: Promise<R>): Promise<Success<R>> {
  let result: R;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(
      0,
      "network",
      "Teamaround could not be reached. Check your connection and try again.",
    );
  }
  if (result.error !== undefined || !result.response.ok) {
    throw ApiError.fromResponse(result.response.status, result.error);
  }
  return result.data as Success<R>;
}
