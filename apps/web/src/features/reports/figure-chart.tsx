import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FigureTable } from "./report-queries";

/**
 * The totals of a figure's rows as bars: counts in one chart, percentages on
 * a 0–100 scale in another. Hidden values ("fewer than 5") draw no bar.
 * The chart repeats the table beside it, which is what assistive technology reads.
 */
export function FigureChart({ table }: { table: FigureTable }) {
  const percent = table.rows.filter((r) => r.unit === "percent");
  const counts = table.rows.filter((r) => r.unit === "count");
  const rows = percent.length > counts.length ? percent : counts;
  if (rows.length === 0) return null;
  const data = rows.map((r) => ({ name: r.label, value: r.total.value ?? 0 }));
  const isPercent = rows === percent;
  return (
    <div className="app-figure-chart" aria-hidden="true" data-testid="figure-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, 36 * data.length + 40)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={isPercent ? [0, 100] : [0, "auto"]} allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 14 }} interval={0} />
          <Tooltip />
          <Bar
            dataKey="value"
            name={isPercent ? "%" : "Number"}
            fill="#1d70b8"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
