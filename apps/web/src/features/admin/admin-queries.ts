import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { AdminUser } from "../../api/types";

export interface UserFilter {
  role?: AdminUser["role"] | undefined;
  status?: AdminUser["status"] | undefined;
  q?: string | undefined;
}

export const usersQuery = (filter: UserFilter = {}) =>
  queryOptions({
    queryKey: ["admin", "users", filter],
    queryFn: async () => (await unwrap(api.GET("/api/users", { params: { query: filter } }))).data,
  });
