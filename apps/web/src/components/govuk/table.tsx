import type { ReactNode } from "react";
import { cx } from "./classes";

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export interface TableProps<Row> {
  caption: ReactNode;
  captionSize?: "s" | "m" | "l";
  /** Hide the caption visually; screen readers still hear it */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** A row's own id, for links to it (focusable from script, not by Tab) */
  rowId?: (row: Row) => string;
  /** The first column names the row */
  firstCellIsHeader?: boolean;
}

export function Table<Row>({
  caption,
  captionSize = "m",
  captionHidden,
  columns,
  rows,
  rowKey,
  rowId,
  firstCellIsHeader,
}: TableProps<Row>) {
  return (
    <table className="govuk-table">
      <caption
        className={cx(
          "govuk-table__caption",
          `govuk-table__caption--${captionSize}`,
          captionHidden && "govuk-visually-hidden",
        )}
      >
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, index) => (
            <th
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
              key={index}
              scope="col"
              className={cx(
                "govuk-table__header",
                column.numeric && "govuk-table__header--numeric",
              )}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr
            className="govuk-table__row"
            key={rowKey(row)}
            {...(rowId ? { id: rowId(row), tabIndex: -1 } : {})}
          >
            {columns.map((column, index) =>
              firstCellIsHeader && index === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                <th key={index} scope="row" className="govuk-table__header">
                  {column.cell(row)}
                </th>
              ) : (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                  key={index}
                  className={cx(
                    "govuk-table__cell",
                    column.numeric && "govuk-table__cell--numeric",
                  )}
                >
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
