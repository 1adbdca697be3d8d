import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";

export type HelpRequest = components["schemas"]["HelpRequest"];
export type RequestAbilities = components["schemas"]["HelpRequestAbilities"];
export type RequestStatus = HelpRequest["status"];
export type RequestView = "incoming" | "mine";

/** Every query about requests starts with this key, so a decision refreshes them all. */
export const requestsKey = ["help-requests"] as const;

export const requestListQuery = (view: RequestView) =>
  queryOptions({
    queryKey: [...requestsKey, "list", view],
    queryFn: async () =>
      (await unwrap(api.GET("/api/help-requests", { params: { query: { view } } }))).data,
  });

export const requestQuery = (requestId: string) =>
  queryOptions({
    queryKey: [...requestsKey, requestId],
    queryFn: () =>
      unwrap(api.GET("/api/help-requests/{requestId}", { params: { path: { requestId } } })),
  });

/** Staff of the authority, for allocating a lead professional. */
export const staffDirectoryQuery = (agencyId: string | undefined) =>
  queryOptions({
    queryKey: ["directory", "agency", agencyId ?? "all"],
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/directory/practitioners", {
            params: { query: agencyId ? { agencyId } : {} },
          }),
        )
      ).data,
  });
