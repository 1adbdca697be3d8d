import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, isUnauthenticated } from "../api/errors";

/**
 * Marks requests whose 401 is an answer, not a lost session: the sign-in
 * steps, and the "am I signed in?" check itself.
 */
export interface RequestMeta extends Record<string, unknown> {
  expectsSignedOut?: boolean;
}

declare module "@tanstack/react-query" {
  interface Register {
    queryMeta: RequestMeta;
    mutationMeta: RequestMeta;
  }
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The one cache of server state. It lives in memory only: nothing about a
 * family is ever written to browser storage. A 401 from any call that expected
 * a session means it has gone: `onSessionLost` clears everything and signs out.
 */
export function createQueryClient(onSessionLost: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && !query.meta?.expectsSignedOut) onSessionLost();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error) && !mutation.meta?.expectsSignedOut) onSessionLost();
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
