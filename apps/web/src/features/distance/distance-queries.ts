import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { familyKey } from "../family/family-queries";

export type Distance = components["schemas"]["DistanceTravelled"];
export type DistanceSeries = Distance["series"][number];
export type Direction = Distance["direction"];

export const distanceQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "distance-travelled"],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/distance-travelled", {
          params: { path: { familyId }, query: {} },
        }),
      ),
  });

export const directionLabels: Record<Direction, string> = {
  improving: "Improving",
  same: "About the same",
  worse: "Getting worse",
  not_yet_known: "Not yet known",
};

export const stageLabels: Record<DistanceSeries["points"][number]["stage"], string> = {
  assessment: "Assessment",
  review: "Review",
  closure: "Closure",
};
