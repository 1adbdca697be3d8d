import { queryOptions } from "@tanstack/react-query";
import type { AuditKind } from "@teamaround/domain";
import { api, unwrap } from "../../api/client";
import { familyKey } from "../family/family-queries";

/** The audit page's search: the filters and the page. */
export interface AuditSearch {
  before?: number | undefined;
  actorId?: string | undefined;
  kind?: AuditKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const auditPageSize = 50;

/** Only the filters that are set, as the API's query. */
export function auditFilters({ actorId, kind, from, to }: AuditSearch) {
  return Object.fromEntries(
    Object.entries({ actorId, kind, from, to }).filter(([, v]) => v !== undefined && v !== ""),
  ) as Omit<AuditSearch, "before">;
}

export const auditQuery = (familyId: string, search: AuditSearch) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "audit", search],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/audit", {
          params: {
            path: { familyId },
            query: {
              limit: auditPageSize,
              ...auditFilters(search),
              ...(search.before ? { before: search.before } : {}),
            },
          },
        }),
      ),
  });

/** The CSV of the filtered log: a plain link, so the browser downloads it. */
export function auditCsvHref(familyId: string, search: AuditSearch): string {
  const query = new URLSearchParams(auditFilters(search) as Record<string, string>).toString();
  return `/api/families/${familyId}/audit/export${query ? `?${query}` : ""}`;
}

export const readersQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "audit", "readers"],
    queryFn: () =>
      unwrap(api.GET("/api/families/{familyId}/audit/readers", { params: { path: { familyId } } })),
  });

export const formerTeamReadsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "audit", "former-team-reads"],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/audit/former-team-reads", {
          params: { path: { familyId } },
        }),
      ),
  });
