import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

export const myFamiliesQuery = queryOptions({
  queryKey: ["families"],
  queryFn: async () => (await unwrap(api.GET("/api/families"))).data,
});

export const myActionsQuery = queryOptions({
  queryKey: ["my", "actions"],
  queryFn: async () => (await unwrap(api.GET("/api/my/actions"))).data,
});
