import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { familyKey } from "../family/family-queries";

type Schemas = components["schemas"];
export type ClosureSignOff = Schemas["ClosureSignOff"];
export type ClosureProposal = NonNullable<ClosureSignOff["current"]>;
export type PlanSignOffState = Schemas["PlanSignOffState"];
export type SignOffDecisionEntry = Schemas["SignOffDecisionEntry"];

const path = (familyId: string) => ({ params: { path: { familyId } } });

/** Where closing the case stands (staff only): under the family's key, so any change refreshes it. */
export const closureSignOffQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "closure-sign-off"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/closure-proposals", path(familyId))),
  });

/** Where the plan's sign-off stands (staff only). */
export const planSignOffQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "plan-sign-off"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/plan-sign-offs", path(familyId))),
  });
