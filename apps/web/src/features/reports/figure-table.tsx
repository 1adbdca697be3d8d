import type { FigureTable as Figures, FiguresReport } from "./report-queries";

/** A figure's rows and groups as a table: the accessible version of the chart, hidden values as words. */
export function FigureTable({ table, report }: { table: Figures; report: FiguresReport }) {
  return (
    <div className="app-table-scroll">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">
          {table.title}: the figures
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Figure
            </th>
            {report.groups.map((g) => (
              <th
                key={g.key}
                scope="col"
                className="govuk-table__header govuk-table__header--numeric"
              >
                {g.label}
              </th>
            ))}
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {report.groups.length > 0 ? "All" : "Value"}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {table.rows.map((row) => (
            <tr key={row.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.label}
              </th>
              {report.groups.map((g) => (
                <td key={g.key} className="govuk-table__cell govuk-table__cell--numeric">
                  {row.cells[g.key]?.text ?? "none"}
                </td>
              ))}
              <td className="govuk-table__cell govuk-table__cell--numeric">{row.total.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
