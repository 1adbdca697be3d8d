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

/** Follow-ups after closure due for me as the lead (staff only). */
export const followUpsQuery = queryOptions({
  queryKey: ["my", "follow-ups"],
  queryFn: async () => (await unwrap(api.GET("/api/follow-ups"))).data,
});
