import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { api, unwrap } from "../../api/client";

const path = (familyId: string) => ({ params: { path: { familyId } } });

/** Every query about one family starts with this key, so one invalidation refreshes them all. */
export const familyKey = (familyId: string) => ["family", familyId] as const;

export const familyQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "summary"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}", path(familyId))),
  });

export const membersQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "members"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/members", path(familyId))),
  });

export const teamQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "team"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/team", path(familyId))),
  });

export const agreementsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "agreements"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/agreements", path(familyId))),
  });

export const consentsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "consents"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/consents", path(familyId))),
  });

export const lawfulBasesQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "lawful-bases"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/lawful-bases", path(familyId))),
  });

export const sharingQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "sharing"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/sharing", path(familyId))),
  });

export const outcomesQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "outcomes"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/outcomes", path(familyId))),
  });

export const meetingsQuery = (familyId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "meetings"],
    queryFn: () => unwrap(api.GET("/api/families/{familyId}/meetings", path(familyId))),
  });

/** The family id of the page being shown (any page under /families/$familyId). */
export function useFamilyId(): string {
  return useParams({ from: "/_authed/families/$familyId" }).familyId;
}

/** The family and the caller's abilities in it. */
export function useFamily(familyId: string) {
  return useQuery(familyQuery(familyId));
}

/** After any change in a family, everything about it is read again (lists, counts, abilities). */
export function useRefreshFamily(familyId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: familyKey(familyId) }),
      queryClient.invalidateQueries({ queryKey: ["my"] }),
      queryClient.invalidateQueries({ queryKey: ["families"] }),
      // A manager's queues and samples list this family's assessments, drift and audits.
      queryClient.invalidateQueries({ queryKey: ["manager"] }),
    ]);
  };
}
