import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { FamilyMember } from "../../api/types";

/** The authority's agencies (administrators also see inactive ones; forms offer active ones). */
export const agenciesQuery = queryOptions({
  queryKey: ["agencies"],
  queryFn: async () => (await unwrap(api.GET("/api/agencies"))).data,
  staleTime: 60_000,
});

export function memberName(m: Pick<FamilyMember, "givenName" | "familyName">): string {
  return `${m.givenName} ${m.familyName}`;
}
