import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { familyKey } from "../family/family-queries";

export const correctionRequestsKey = (familyId: string) => [
  ...familyKey(familyId),
  "correction-requests",
];

/** The lead's and managers' view: every request of the family; a family member's: their own. */
export const correctionRequestsQuery = (familyId: string) =>
  queryOptions({
    queryKey: correctionRequestsKey(familyId),
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/correction-requests", {
          params: { path: { familyId } },
        }),
      ),
  });
