import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

export const retentionReviewsQuery = queryOptions({
  queryKey: ["admin", "retention-reviews"],
  queryFn: async () => (await unwrap(api.GET("/api/admin/retention-reviews"))).data,
});
