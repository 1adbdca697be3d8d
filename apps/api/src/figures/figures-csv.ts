import { csvCell as cell } from "../shared/csv";
import type { FiguresReport } from "./figures.schema";

/**
 * The report as CSV: one line per figure and group, hidden values as
 * "fewer than 5", exactly as on screen.
 */
export function figuresCsv(report: FiguresReport): string {
  const header = ["Period from", "Period to", "Section", "Figure", "Group", "Value"];
  const lines = [header.map(cell).join(",")];
  const { from, to } = report.period;
  for (const table of report.tables) {
    for (const row of table.rows) {
      for (const group of report.groups) {
        const value = row.cells[group.key];
        if (value)
          lines.push(
            [from, to, table.title, row.label, group.label, value.text].map(cell).join(","),
          );
      }
      lines.push([from, to, table.title, row.label, "All", row.total.text].map(cell).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
