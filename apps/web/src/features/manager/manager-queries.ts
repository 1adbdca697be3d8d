import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
export type CaseloadRow = Schemas["CaseloadRow"];
export type LeadCaseload = Schemas["LeadCaseload"];
export type DriftItem = Schemas["DriftItem"];
export type SignOffItem = Schemas["SignOffItem"];

export interface CaseloadFilter {
  lead?: string | undefined;
  levelOfNeed?: number | undefined;
  status?: "assessment" | "plan_in_place" | undefined;
  locality?: string | undefined;
  age?: CaseloadRow["ageBand"] | undefined;
}

export const caseloadQuery = (filter: CaseloadFilter) =>
  queryOptions({
    queryKey: ["manager", "caseload", filter],
    queryFn: async () => unwrap(api.GET("/api/manager/caseload", { params: { query: filter } })),
  });

/** One page of the drift queue (50 items), of every kind or one. */
export const driftQuery = (page: number, kind: DriftItem["kind"] | undefined) =>
  queryOptions({
    queryKey: ["manager", "drift", page, kind],
    queryFn: async () =>
      unwrap(api.GET("/api/manager/drift", { params: { query: { page, kind } } })),
  });

export const signOffsQuery = queryOptions({
  queryKey: ["manager", "sign-offs"],
  queryFn: async () => (await unwrap(api.GET("/api/manager/sign-offs"))).data,
});
