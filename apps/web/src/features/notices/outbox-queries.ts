import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

const page = (before: string | undefined) => (before ? { before } : {});

/** The authority's local outbox, a page at a time (administrators). */
export const adminOutboxQuery = infiniteQueryOptions({
  queryKey: ["admin", "outbox"],
  queryFn: ({ pageParam }) =>
    unwrap(api.GET("/api/admin/outbox", { params: { query: page(pageParam) } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextBefore ?? undefined,
});

/** Demo mode: what would have been sent to me; 404 when emails really go out. */
export const myOutboxQuery = infiniteQueryOptions({
  queryKey: ["me", "outbox"],
  queryFn: ({ pageParam }) =>
    unwrap(api.GET("/api/me/outbox", { params: { query: page(pageParam) } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextBefore ?? undefined,
  retry: false,
});
