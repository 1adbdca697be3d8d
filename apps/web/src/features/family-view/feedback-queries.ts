import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

/** The invitations to say how it was that I have not answered yet. */
export const openFeedbackQuery = (familyId: string) =>
  queryOptions({
    queryKey: ["families", familyId, "feedback", "open"],
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/families/{familyId}/feedback/open", {
            params: { path: { familyId } },
          }),
        )
      ).data,
  });
