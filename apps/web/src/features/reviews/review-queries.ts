import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { familyKey } from "../family/family-queries";

export const reviewsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "reviews"],
    queryFn: () =>
      unwrap(api.GET("/api/families/{familyId}/reviews", { params: { path: { familyId } } })),
  });

export const reviewQuery = (familyId: string, reviewId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "reviews", reviewId],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/reviews/{reviewId}", {
          params: { path: { familyId, reviewId } },
        }),
      ),
  });
