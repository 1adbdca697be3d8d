import type { PeriodKind } from "./report-queries";

const pad = (n: number) => String(n).padStart(2, "0");
const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function dayLabel(year: number, month: number): string {
  return `${monthNames[month - 1] ?? ""} ${year}`;
}

/**
 * The periods one may choose, most recent first: the last 12 months, the
 * last 8 quarters, the last 5 years (January to December), each by its first day.
 */
export function periodStarts(kind: PeriodKind, today: Date): { value: string; label: string }[] {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const options: { value: string; label: string }[] = [];
  if (kind === "month") {
    for (let back = 1; back <= 12; back += 1) {
      const at = new Date(Date.UTC(year, month - 1 - back, 1));
      const [y, m] = [at.getUTCFullYear(), at.getUTCMonth() + 1];
      options.push({ value: `${y}-${pad(m)}-01`, label: dayLabel(y, m) });
    }
  } else if (kind === "quarter") {
    const currentStart = Math.floor((month - 1) / 3) * 3;
    for (let back = 1; back <= 8; back += 1) {
      const at = new Date(Date.UTC(year, currentStart - 3 * back, 1));
      const [y, m] = [at.getUTCFullYear(), at.getUTCMonth() + 1];
      const q = Math.floor((m - 1) / 3) + 1;
      options.push({
        value: `${y}-${pad(m)}-01`,
        label: `${y} quarter ${q} (${dayLabel(y, m)} to ${dayLabel(y, m + 2).split(" ")[0]})`,
      });
    }
  } else {
    for (let back = 1; back <= 5; back += 1) {
      options.push({
        value: `${year - back}-01-01`,
        label: `${year - back} (January to December)`,
      });
    }
  }
  return options;
}

export function formatDayLong(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d} ${monthNames[(m ?? 1) - 1] ?? ""} ${y}`;
}
