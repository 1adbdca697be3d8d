import type { OutcomeArea } from "../shared/vocabulary";
import type { ScoredBy, ScoreStage } from "./journey-vocabulary";

/** One need-score row as distance travelled reads it. */
export interface ScoreRow {
  area: OutcomeArea;
  /** The child the score is about; null for the whole family. */
  memberId: string | null;
  scoredBy: ScoredBy;
  stage: ScoreStage;
  score: number;
  /** YYYY-MM-DD */
  scoredOn: string;
  assessmentId: string | null;
  reviewId: string | null;
  /** When the row was written: a later row for the same occasion replaces an earlier one. */
  recordedAt: Date;
}

/** One occasion on an area's line: the practitioners' score and the family's own, side by side. */
export interface SeriesPoint {
  stage: ScoreStage;
  scoredOn: string;
  /** The assessment or review the scores belong to; null at closure. */
  sourceId: string | null;
  practitioners: number | null;
  family: number | null;
}

/**
 * Which way an area has moved, comparing the first and the latest score of
 * one view. Fewer than two scores of that view: not yet known.
 */
export const directions = ["improving", "same", "worse", "not_yet_known"] as const;
export type Direction = (typeof directions)[number];

/** The line of one need area (for one child, or the whole family). */
export interface AreaSeries {
  area: OutcomeArea;
  memberId: string | null;
  points: SeriesPoint[];
  /** From the practitioners' scores. */
  direction: Direction;
  /** From the family's own scores, when they gave them. */
  familyDirection: Direction;
}

export interface DistanceTravelled {
  series: AreaSeries[];
  /** The episode as a whole: see `episodeDirection`. */
  direction: Direction;
}

const stageOrder: Record<ScoreStage, number> = { assessment: 0, review: 1, closure: 2 };

function occasionKey(row: ScoreRow): string {
  return `${row.stage}|${row.assessmentId ?? row.reviewId ?? row.scoredOn}`;
}

function seriesKey(row: { area: OutcomeArea; memberId: string | null }): string {
  return `${row.area}|${row.memberId ?? ""}`;
}

/** First against latest: up is better (10 = all well). */
export function directionOf(scores: readonly number[]): Direction {
  const first = scores[0];
  const latest = scores[scores.length - 1];
  if (first === undefined || latest === undefined || scores.length < 2) return "not_yet_known";
  if (latest > first) return "improving";
  if (latest < first) return "worse";
  return "same";
}

/**
 * The episode's direction of travel: improving when more lines (each need
 * area, for each child it was scored for) improved than got worse; worse when
 * more got worse than improved; the same when as many went each way (or none
 * moved); not yet known while no line has two scores.
 */
export function episodeDirection(lineDirections: readonly Direction[]): Direction {
  const known = lineDirections.filter((d) => d !== "not_yet_known");
  if (known.length === 0) return "not_yet_known";
  const improved = known.filter((d) => d === "improving").length;
  const worsened = known.filter((d) => d === "worse").length;
  if (improved > worsened) return "improving";
  if (worsened > improved) return "worse";
  return "same";
}

function pointsOf(rows: readonly ScoreRow[]): SeriesPoint[] {
  const latestFirst = [...rows].sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime());
  const byOccasion = new Map<string, SeriesPoint>();
  for (const row of latestFirst) {
    const key = occasionKey(row);
    const point = byOccasion.get(key) ?? {
      stage: row.stage,
      scoredOn: row.scoredOn,
      sourceId: row.assessmentId ?? row.reviewId,
      practitioners: null,
      family: null,
    };
    // Rows arrive latest first, so the first seen for a view is the one that stands.
    if (row.scoredBy === "practitioners" && point.practitioners === null) {
      point.practitioners = row.score;
    }
    if (row.scoredBy === "family" && point.family === null) point.family = row.score;
    byOccasion.set(key, point);
  }
  return [...byOccasion.values()].sort(
    (a, b) => a.scoredOn.localeCompare(b.scoredOn) || stageOrder[a.stage] - stageOrder[b.stage],
  );
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/**
 * Distance travelled from an episode's score rows: per need area (and per
 * child where scored per child) the scores at assessment, each review and
 * closure in date order, with the direction of travel of each line and of
 * the episode. A score re-recorded for the same occasion replaces the earlier one.
 */
export function distanceTravelled(rows: readonly ScoreRow[]): DistanceTravelled {
  const groups = new Map<
    string,
    { area: OutcomeArea; memberId: string | null; rows: ScoreRow[] }
  >();
  for (const row of rows) {
    const key = seriesKey(row);
    const group = groups.get(key) ?? { area: row.area, memberId: row.memberId, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const series = [...groups.values()].map(({ area, memberId, rows: group }): AreaSeries => {
    const points = pointsOf(group);
    return {
      area,
      memberId,
      points,
      direction: directionOf(present(points.map((p) => p.practitioners))),
      familyDirection: directionOf(present(points.map((p) => p.family))),
    };
  });
  series.sort((a, b) => seriesKey(a).localeCompare(seriesKey(b)));
  return { series, direction: episodeDirection(series.map((s) => s.direction)) };
}
