import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Table } from "../../components/govuk";
import { formatDay } from "../../lib/dates";
import { outcomeAreaLabels } from "../../lib/labels";
import {
  type Distance,
  type DistanceSeries,
  directionLabels,
  stageLabels,
} from "./distance-queries";

export function seriesTitle(series: DistanceSeries): string {
  const area = outcomeAreaLabels[series.area];
  return series.memberName ? `${area} for ${series.memberName}` : area;
}

const pointLabel = (p: DistanceSeries["points"][number]) =>
  `${stageLabels[p.stage]} ${formatDay(p.scoredOn, { year: "auto" })}`;

/**
 * One need area's line: the team's scores and the family's own, 0 to 10.
 * The chart repeats the table beside it, which is what assistive technology reads.
 */
function SeriesChart({ series, scale }: { series: DistanceSeries; scale: Distance["scale"] }) {
  const data = series.points.map((p) => ({
    name: pointLabel(p),
    stage: stageLabels[p.stage],
    team: p.practitioners,
    family: p.family,
  }));
  const hasFamily = series.points.some((p) => p.family !== null);
  return (
    <div className="app-distance-chart" aria-hidden="true" data-testid="distance-chart">
      <ResponsiveContainer width="100%" height={220}>
        {/* Not focusable: the chart is hidden from assistive technology, the table says it all. */}
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {/* The axis names the stage; its date is in the tooltip and the table. */}
          <XAxis
            dataKey="name"
            tick={{ fontSize: 14 }}
            tickFormatter={(_, index) => data[index]?.stage ?? ""}
            interval={0}
            padding={{ left: 40, right: 32 }}
          />
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} width={32} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="team"
            name="The team's score"
            stroke="#1d70b8"
            strokeWidth={3}
            connectNulls
            isAnimationActive={false}
          />
          {hasFamily ? (
            <Line
              type="monotone"
              dataKey="family"
              name="The family's own score"
              stroke="#f47738"
              strokeWidth={3}
              strokeDasharray="6 4"
              dot={{ strokeDasharray: "none" }}
              connectNulls
              isAnimationActive={false}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
      <p className="govuk-body-s">
        0 = {scale.low}, 10 = {scale.high}
      </p>
    </div>
  );
}

/** Every line with its chart and, beside it, a table of the same figures. */
export function DistanceCharts({ distance }: { distance: Distance }) {
  return (
    <div className="govuk-grid-row">
      {distance.series.map((series) => (
        <div className="govuk-grid-column-one-half" key={`${series.area}-${series.memberId ?? ""}`}>
          <h3 className="govuk-heading-s">
            {seriesTitle(series)}: {directionLabels[series.direction].toLowerCase()}
          </h3>
          <SeriesChart series={series} scale={distance.scale} />
          <Table
            caption={`${seriesTitle(series)}: scores from 0 (${distance.scale.low}) to 10 (${distance.scale.high})`}
            captionSize="s"
            captionHidden
            rows={series.points}
            rowKey={(p) => `${p.stage}-${p.sourceId ?? p.scoredOn}`}
            firstCellIsHeader
            columns={[
              { header: "When", cell: pointLabel },
              { header: "The team's score", cell: (p) => p.practitioners ?? "–", numeric: true },
              { header: "The family's own score", cell: (p) => p.family ?? "–", numeric: true },
            ]}
          />
        </div>
      ))}
    </div>
  );
}
