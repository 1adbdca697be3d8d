import type { FigureCounts } from "./count-figures";
import {
  type FigureDefinition,
  type FigureRowDefinition,
  figureCatalogue,
} from "./figure-catalogue";
import { ALL } from "./figure-splits";
import { cellsToHide, FEWER_THAN_5, isSmall, type Sum } from "./suppression";

/** A figure as shown: `value` null means it is hidden ("fewer than 5", or worked from one). */
export interface ShownValue {
  value: number | null;
  text: string;
}

export interface FigureRow {
  key: string;
  label: string;
  unit: FigureRowDefinition["unit"];
  /** One value per group of the split, in the order of `groups`. */
  cells: Record<string, ShownValue>;
  total: ShownValue;
}

export interface FigureTable {
  key: string;
  title: string;
  rows: FigureRow[];
}

/** Counts that are not sums over groups: one lead may hold cases in several groups. */
const notAdditive = new Set(["caseload.leads"]);

const cellId = (measure: string, group: string) => `${measure}|${group}`;

function hidden(): ShownValue {
  return { value: null, text: FEWER_THAN_5 };
}

function formatted(value: number, unit: FigureRowDefinition["unit"]): ShownValue {
  if (unit === "percent") return { value, text: `${value}%` };
  if (unit === "ratio") return { value, text: value.toFixed(1) };
  return { value, text: String(value) };
}

/** The audit quarters present in the counts, in order. */
export function auditQuartersIn(counts: FigureCounts): string[] {
  const quarters = Object.keys(counts.counts)
    .filter((m) => m.startsWith("audits.") && m.endsWith(".total"))
    .map((m) => m.slice("audits.".length, -".total".length));
  return [...new Set(quarters)].sort();
}

/**
 * The figures as a board sees them: every count below 5 hidden, a second
 * count hidden wherever a total minus the shown counts would reveal a hidden
 * one (across the groups of a row, and across the parts of a total), and
 * every percentage, ratio or median worked from a hidden count hidden too.
 * `byGroup` are the counts split; `overall` the same counts unsplit.
 */
export function presentFigures(
  byGroup: FigureCounts,
  overall: FigureCounts,
  groups: readonly string[],
): FigureTable[] {
  const catalogue = figureCatalogue(auditQuartersIn(overall));
  const columns = [...groups, ALL];
  const values = new Map<string, number>();
  const measures = new Set([...Object.keys(byGroup.counts), ...Object.keys(overall.counts)]);
  for (const definition of catalogue) {
    for (const row of definition.rows) {
      if (row.unit === "count") measures.add(row.measure);
      if (row.unit === "percent" || row.unit === "ratio") {
        measures.add(row.numerator);
        measures.add(row.denominator);
      }
    }
  }
  for (const measure of measures) {
    for (const group of groups)
      values.set(cellId(measure, group), byGroup.counts[measure]?.[group] ?? 0);
    values.set(cellId(measure, ALL), overall.counts[measure]?.[ALL] ?? 0);
  }
  const sums: Sum[] = [];
  for (const measure of measures) {
    if (notAdditive.has(measure) || groups.length === 0) continue;
    sums.push({ total: cellId(measure, ALL), parts: groups.map((g) => cellId(measure, g)) });
  }
  for (const definition of catalogue) {
    for (const sum of definition.sums) {
      for (const column of columns) {
        sums.push({
          total: cellId(sum.total, column),
          parts: sum.parts.map((p) => cellId(p, column)),
        });
      }
    }
  }
  const hide = cellsToHide(values, sums);

  const countOf = (measure: string, column: string): number | null =>
    hide.has(cellId(measure, column)) ? null : (values.get(cellId(measure, column)) ?? 0);

  const shownValue = (row: FigureRowDefinition, column: string): ShownValue => {
    switch (row.unit) {
      case "count": {
        const value = countOf(row.measure, column);
        return value === null ? hidden() : formatted(value, "count");
      }
      case "percent":
      case "ratio": {
        const top = countOf(row.numerator, column);
        const bottom = countOf(row.denominator, column);
        if (top === null || bottom === null) return hidden();
        if (bottom === 0) return { value: null, text: "none" };
        const ratio = top / bottom;
        return formatted(
          row.unit === "percent" ? Math.round(ratio * 100) : Math.round(ratio * 10) / 10,
          row.unit,
        );
      }
      case "working_days": {
        const sample = countOf(row.sample, column);
        if (sample === null || isSmall(sample)) return hidden();
        const source = column === ALL ? overall : byGroup;
        const value = source.medians[row.median]?.[column];
        return value === undefined ? { value: null, text: "none" } : formatted(value, "count");
      }
    }
  };

  return catalogue.map((definition: FigureDefinition) => ({
    key: definition.key,
    title: definition.title,
    rows: definition.rows.map((row) => ({
      key: row.key,
      label: row.label,
      unit: row.unit,
      cells: Object.fromEntries(groups.map((g) => [g, shownValue(row, g)])),
      total: shownValue(row, ALL),
    })),
  }));
}
