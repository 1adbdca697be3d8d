import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { familyKey } from "../family/family-queries";

export type CaseAudit = components["schemas"]["CaseAudit"];
export type MyCaseAudit = components["schemas"]["MyCaseAudit"];
export type AuditSample = components["schemas"]["AuditSample"];
export type SupervisionNote = components["schemas"]["SupervisionNote"];

const path = (familyId: string) => ({ params: { path: { familyId } } });

export const caseAuditsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "case-audits"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/case-audits", path(familyId))),
  });

export const supervisionQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "supervision"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/supervision", path(familyId))),
  });

/** Audits of my cases waiting for me to read and acknowledge them. */
export const myCaseAuditsQuery = queryOptions({
  queryKey: ["my", "case-audits"],
  queryFn: async () => (await unwrap(api.GET("/api/case-audits/mine"))).data,
});

/** The manager's service's audit samples, newest quarter first. */
export const auditSamplesQuery = queryOptions({
  queryKey: ["manager", "audit-samples"],
  queryFn: async () => (await unwrap(api.GET("/api/manager/audit-samples"))).data,
});
