import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Button, Select } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { PartBoundary } from "../../components/layout/part-boundary";
import { FigureChart } from "./figure-chart";
import { FigureTable } from "./figure-table";
import { formatDayLong, periodStarts } from "./period-options";
import {
  figuresQuery,
  figuresQueryString,
  type PeriodKind,
  periodKinds,
  periodLabels,
  type ReportSearch,
  type Split,
  splitLabels,
  splits,
} from "./report-queries";

const route = getRouteApi("/_authed/reports");

const lastWhole: Record<PeriodKind, string> = {
  month: "The last whole month",
  quarter: "The last whole quarter",
  year: "The four quarters to the last whole quarter",
};

function PeriodForm({ search }: { search: ReportSearch }) {
  const navigate = useNavigate();
  const [period, setPeriod] = useState<PeriodKind>(search.period ?? "quarter");
  const [from, setFrom] = useState(search.from ?? "");
  const [split, setSplit] = useState<Split>(search.split ?? "none");
  const starts = periodStarts(period, new Date());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({
      to: "/reports",
      search: { period, split, ...(from ? { from } : {}) },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="app-figures-form">
      <Select
        id="period"
        label="Length of period"
        options={periodKinds.map((k) => ({ value: k, label: periodLabels[k] }))}
        value={period}
        onChange={(value) => {
          setPeriod(value as PeriodKind);
          setFrom("");
        }}
      />
      <Select
        id="from"
        label="Period"
        options={[{ value: "", label: lastWhole[period] }, ...starts]}
        value={from}
        onChange={setFrom}
      />
      <Select
        id="split"
        label="Split the figures by"
        options={splits.map((s) => ({ value: s, label: splitLabels[s] }))}
        value={split}
        onChange={(value) => setSplit(value as Split)}
      />
      <Button type="submit">Show figures</Button>
    </form>
  );
}

/** The partnership's figures for a period, as charts with the same figures in tables beside them. */
export function ReportsPage() {
  usePageTitle("Partnership figures");
  const search = route.useSearch();
  const figures = useQuery(figuresQuery(search));
  const query = figuresQueryString({
    period: search.period ?? "quarter",
    split: search.split ?? "none",
    from: search.from,
  });
  return (
    <>
      <h1 className="govuk-heading-l">Partnership figures</h1>
      <PeriodForm key={JSON.stringify(search)} search={search} />
      {figures.isPending ? <Loading what="Loading the figures" /> : null}
      {figures.error ? <LoadFailed error={figures.error} /> : null}
      {figures.data ? (
        <>
          <p className="govuk-body-l" data-testid="figures-period">
            {figures.data.scopeName}: {formatDayLong(figures.data.period.from)} to{" "}
            {formatDayLong(figures.data.period.to)}
            {figures.data.split !== "none"
              ? `, by ${splitLabels[figures.data.split].toLowerCase()}`
              : ""}
          </p>
          <div className="govuk-inset-text">
            Numbers from 1 to 4 are shown as “fewer than 5”, and so is any number that would let one
            be worked out, so that no family can be recognised. Percentages worked from them are not
            shown either.
          </div>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`/api/figures.csv${query}`} download>
                Download the figures (CSV)
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`/api/figures/board-report.pdf${query}`} download>
                Download the board report (PDF)
              </a>
            </li>
          </ul>
          {figures.data.tables.map((table) =>
            table.rows.length === 0 ? null : (
              <PartBoundary key={table.key} what={table.title}>
                <section
                  className="govuk-!-margin-bottom-8"
                  aria-labelledby={`figures-${table.key}`}
                >
                  <h2 className="govuk-heading-m" id={`figures-${table.key}`}>
                    {table.title}
                  </h2>
                  <FigureChart table={table} />
                  <FigureTable table={table} report={figures.data} />
                </section>
              </PartBoundary>
            ),
          )}
        </>
      ) : null}
    </>
  );
}
