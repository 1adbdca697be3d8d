import type { outcomes } from "@teamaround/db";
import { audienceOf } from "../shared/family-audience";

export type OutcomeRow = typeof outcomes.$inferSelect;

export function presentOutcome(row: OutcomeRow) {
  return {
    id: row.id,
    episodeId: row.episodeId,
    area: row.area,
    title: row.title,
    measure: row.measure,
    targetDate: row.targetDate,
    status: row.status,
    version: row.version,
    audience: audienceOf(row),
  };
}
