import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { familyKey } from "./family-queries";

export const episodesQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "episodes"],
    queryFn: () =>
      unwrap(api.GET("/api/families/{familyId}/episodes", { params: { path: { familyId } } })),
  });
