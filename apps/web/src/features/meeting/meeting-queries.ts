import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { familyKey } from "../family/family-queries";

export const meetingQuery = (familyId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "meetings", meetingId],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/meetings/{meetingId}", {
          params: { path: { familyId, meetingId } },
        }),
      ),
  });

/** Whom the meeting's latest invitation, move or cancellation did not reach (the lead's). */
export const unsentNoticesQuery = (familyId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "meetings", meetingId, "unsent-notices"],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/meetings/{meetingId}/unsent-notices", {
          params: { path: { familyId, meetingId } },
        }),
      ),
  });

export const versionQuery = (familyId: string, versionId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "versions", versionId],
    queryFn: () =>
      unwrap(
        api.GET("/api/families/{familyId}/versions/{versionId}", {
          params: { path: { familyId, versionId } },
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });

const fetchVersionDiff = (familyId: string, versionId: string) =>
  unwrap(
    api.GET("/api/families/{familyId}/versions/{versionId}/diff", {
      params: { path: { familyId, versionId }, query: {} },
    }),
  );

/** What changed from the version before to this one. */
export type VersionDiff = Awaited<ReturnType<typeof fetchVersionDiff>>["data"];

export const versionDiffQuery = (familyId: string, versionId: string) =>
  queryOptions({
    queryKey: [...familyKey(familyId), "versions", versionId, "diff"],
    queryFn: () => fetchVersionDiff(familyId, versionId),
    staleTime: Number.POSITIVE_INFINITY,
  });

const fetchMeetingRecord = (familyId: string, meetingId: string) =>
  unwrap(
    api.GET("/api/families/{familyId}/meetings/{meetingId}/record", {
      params: { path: { familyId, meetingId } },
    }),
  );

/** A held meeting's record, as the reader may see it. */
export type MeetingRecordData = Awaited<ReturnType<typeof fetchMeetingRecord>>["data"];

export const meetingRecordKey = (familyId: string, meetingId: string) =>
  [...familyKey(familyId), "meetings", meetingId, "record"] as const;

export const meetingRecordQuery = (familyId: string, meetingId: string) =>
  queryOptions({
    queryKey: meetingRecordKey(familyId, meetingId),
    queryFn: () => fetchMeetingRecord(familyId, meetingId),
  });
