import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";

export type FiguresReport = components["schemas"]["FiguresReport"];
export type FigureTable = FiguresReport["tables"][number];
export type FigureRow = components["schemas"]["FigureRow"];

export const periodKinds = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const splits = [
  "none",
  "lead_agency",
  "asking_agency",
  "locality",
  "level_of_need",
  "age_band",
] as const;
export type Split = (typeof splits)[number];

export interface ReportSearch {
  period?: PeriodKind | undefined;
  from?: string | undefined;
  split?: Split | undefined;
}

export const periodLabels: Record<PeriodKind, string> = {
  month: "A month",
  quarter: "A quarter",
  year: "A year",
};

export const splitLabels: Record<Split, string> = {
  none: "No split: the whole period",
  lead_agency: "Lead agency",
  asking_agency: "Agency that asked for help",
  locality: "Locality",
  level_of_need: "Level of need",
  age_band: "Age of the youngest child",
};

/** The query string the API and the download links share. */
export function figuresQueryString(search: ReportSearch): string {
  const params = new URLSearchParams();
  if (search.period) params.set("period", search.period);
  if (search.from) params.set("from", search.from);
  if (search.split) params.set("split", search.split);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const figuresQuery = (search: ReportSearch) =>
  queryOptions({
    queryKey: ["figures", search],
    queryFn: async () =>
      unwrap(
        api.GET("/api/figures", {
          params: {
            query: {
              period: search.period ?? "quarter",
              split: search.split ?? "none",
              ...(search.from ? { from: search.from } : {}),
            },
          },
        }),
      ),
  });
