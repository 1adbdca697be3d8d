import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { closeAllLive } from "../features/connection/live-connections";

/** Who is signed in, with their global abilities and authority. 401 means nobody. */
export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => unwrap(api.GET("/api/me")),
  meta: { expectsSignedOut: true },
  staleTime: 60_000,
});

export const authorityQuery = queryOptions({
  queryKey: ["authority"],
  queryFn: async () => (await unwrap(api.GET("/api/authority"))).data,
  staleTime: 5 * 60_000,
});

/**
 * Signs out: closes every live connection (documents, meeting room), ends the
 * session on the server, then forgets every response held in memory, whatever
 * the server said (the cookie may already have gone).
 */
export async function signOut(queryClient: QueryClient): Promise<void> {
  closeAllLive();
  try {
    await unwrap(api.POST("/api/auth/sign-out"));
  } catch {
    // Already signed out or unreachable: the local cache is cleared all the same.
  } finally {
    queryClient.clear();
  }
}
