import { describe, expect, it } from "vitest";
import { outcomeAreas } from "../shared/vocabulary";
import {
  type Direction,
  directionOf,
  distanceTravelled,
  episodeDirection,
  type ScoreRow,
} from "./distance-travelled";
import { scoreStages } from "./journey-vocabulary";
import { plainWords, plainWordsOverall } from "./plain-words";

let clock = 0;
function row(overrides: Partial<ScoreRow>): ScoreRow {
  clock += 1;
  return {
    area: "education",
    memberId: null,
    scoredBy: "practitioners",
    stage: "assessment",
    score: 3,
    scoredOn: "2026-01-05",
    assessmentId: "a1",
    reviewId: null,
    recordedAt: new Date(clock * 1000),
    ...overrides,
  };
}

const review = (reviewId: string, scoredOn: string, score: number, more: Partial<ScoreRow> = {}) =>
  row({ stage: "review", reviewId, assessmentId: null, scoredOn, score, ...more });

/** A small seeded generator, so the property checks are repeatable and bounded by count. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

describe("distanceTravelled", () => {
  it("lines up assessment, reviews and closure per area and child, practitioners beside the family", () => {
    const result = distanceTravelled([
      review("r1", "2026-02-20", 5),
      row({ score: 2 }),
      row({ score: 4, scoredBy: "family" }),
      review("r1", "2026-02-20", 6, { scoredBy: "family" }),
      row({ stage: "closure", assessmentId: null, scoredOn: "2026-04-01", score: 8 }),
      row({ area: "health", memberId: "child-1", score: 6 }),
      review("r1", "2026-02-20", 6, { area: "health", memberId: "child-1" }),
    ]);
    expect(result.series).toEqual([
      {
        area: "education",
        memberId: null,
        points: [
          {
            stage: "assessment",
            scoredOn: "2026-01-05",
            sourceId: "a1",
            practitioners: 2,
            family: 4,
          },
          { stage: "review", scoredOn: "2026-02-20", sourceId: "r1", practitioners: 5, family: 6 },
          {
            stage: "closure",
            scoredOn: "2026-04-01",
            sourceId: null,
            practitioners: 8,
            family: null,
          },
        ],
        direction: "improving",
        familyDirection: "improving",
      },
      {
        area: "health",
        memberId: "child-1",
        points: [
          {
            stage: "assessment",
            scoredOn: "2026-01-05",
            sourceId: "a1",
            practitioners: 6,
            family: null,
          },
          {
            stage: "review",
            scoredOn: "2026-02-20",
            sourceId: "r1",
            practitioners: 6,
            family: null,
          },
        ],
        direction: "same",
        familyDirection: "not_yet_known",
      },
    ]);
    // One line improved, one stayed the same.
    expect(result.direction).toBe("improving");
  });

  it("keeps the latest score when an occasion was scored again", () => {
    const result = distanceTravelled([row({ score: 2 }), row({ score: 7 })]);
    expect(result.series[0]?.points).toHaveLength(1);
    expect(result.series[0]?.points[0]?.practitioners).toBe(7);
    expect(result.series[0]?.direction).toBe("not_yet_known");
  });

  it("says nothing is known yet for no scores at all", () => {
    expect(distanceTravelled([])).toEqual({ series: [], direction: "not_yet_known" });
  });

  it("holds for 300 random score sets: one point per occasion, date order, first-vs-latest direction", () => {
    const next = random(42);
    for (let run = 0; run < 300; run += 1) {
      const rows = Array.from({ length: next(12) }, () =>
        row({
          area: outcomeAreas[next(3)],
          memberId: next(2) === 0 ? null : "child-1",
          scoredBy: next(3) === 0 ? "family" : "practitioners",
          stage: scoreStages[next(3)],
          assessmentId: "a1",
          reviewId: `r${next(3)}`,
          scoredOn: `2026-0${1 + next(9)}-1${next(10)}`,
          score: next(11),
        }),
      );
      const { series, direction } = distanceTravelled(rows);
      const pointCount = series.reduce((n, s) => n + s.points.length, 0);
      expect(pointCount).toBeLessThanOrEqual(rows.length);
      for (const line of series) {
        const dates = line.points.map((p) => p.scoredOn);
        expect(dates).toEqual([...dates].sort());
        const scores = line.points.flatMap((p) =>
          p.practitioners === null ? [] : [p.practitioners],
        );
        expect(line.direction).toBe(directionOf(scores));
        for (const point of line.points) {
          for (const value of [point.practitioners, point.family]) {
            if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
          }
        }
      }
      expect(direction).toBe(episodeDirection(series.map((s) => s.direction)));
    }
  });
});

describe("directions", () => {
  it.each([
    [[3, 5], "improving"],
    [[5, 3], "worse"],
    [[4, 9, 4], "same"],
    [[4], "not_yet_known"],
    [[], "not_yet_known"],
  ] as const)("%j is %s", (scores, expected) => {
    expect(directionOf(scores)).toBe(expected);
  });

  it.each([
    [["improving", "improving", "worse"], "improving"],
    [["improving", "worse"], "same"],
    [["worse", "same", "same"], "worse"],
    [["same", "not_yet_known"], "same"],
    [["not_yet_known"], "not_yet_known"],
  ] as const)("an episode whose lines went %j is %s", (lines, expected) => {
    expect(episodeDirection(lines)).toBe(expected);
  });
});

describe("plain words", () => {
  it("tells the family gently, naming the child when the area is about one", () => {
    expect(plainWords("education", "improving")).toBe("Things are getting better with school.");
    expect(plainWords("housing", "same", "Robin")).toBe(
      "Things are about the same with your home for Robin so far.",
    );
    expect(plainWords("health", "worse")).toMatch(/^Things have been harder with health lately\./);
  });

  it("has a sentence for every area and direction", () => {
    const all: Direction[] = ["improving", "same", "worse", "not_yet_known"];
    for (const area of outcomeAreas) {
      for (const direction of all) expect(plainWords(area, direction)).toMatch(/^[A-Z].*\.$/);
    }
    for (const direction of all) expect(plainWordsOverall(direction)).toMatch(/\.$/);
  });
});
