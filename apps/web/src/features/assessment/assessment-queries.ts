import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { familyKey } from "../family/family-queries";

type Schemas = components["schemas"];
export type Assessment = Schemas["Assessment"];
type AssessmentList =
  paths["/api/families/{familyId}/assessments"]["get"]["responses"][200]["content"]["application/json"];
export type AssessmentSummary = AssessmentList["data"]["assessments"][number];
export type NeedScore = Schemas["NeedScore"];
export type AssessmentSection = Assessment["sections"][number]["section"];
export type AssessmentStatus = Assessment["status"];
export type VoiceEntry = Assessment["voices"][number];
export type ScoreArea = NeedScore["area"];

export const assessmentsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "assessments"],
    queryFn: () =>
      unwrap(api.GET("/api/families/{familyId}/assessments", { params: { path: { familyId } } })),
  });

export const assessmentQuery = (familyId: string, assessmentId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "assessments", assessmentId],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/assessments/{assessmentId}", {
          params: { path: { familyId, assessmentId } },
        }),
      ),
  });
