import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

/** Everything about my notices in the cache: the count, the list, my preferences. */
export const notificationsKey = ["me", "notifications"] as const;

/** How many of my in-app notices are unread: the header's count (pushed live, see below). */
export const unreadCountQuery = queryOptions({
  queryKey: [...notificationsKey, "unread"],
  queryFn: async () =>
    (await unwrap(api.GET("/api/me/notifications/unread-count"))).data.unreadCount,
  staleTime: 5 * 60_000,
  retry: false,
});

type Cursor = { beforeAt: string; beforeId: string };

/** My in-app notices, newest first, a page at a time. */
export const notificationsQuery = infiniteQueryOptions({
  queryKey: [...notificationsKey, "list"],
  queryFn: ({ pageParam }) =>
    unwrap(api.GET("/api/me/notifications", { params: { query: pageParam ?? {} } })),
  initialPageParam: undefined as Cursor | undefined,
  getNextPageParam: (last) => last.next ?? undefined,
});

export const noticePreferencesQuery = queryOptions({
  queryKey: [...notificationsKey, "preferences"],
  queryFn: async () => (await unwrap(api.GET("/api/me/notice-preferences"))).data,
});
