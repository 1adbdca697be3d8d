import type { ReactNode } from "react";
import { cx } from "./classes";

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  /** A link or button that changes this row */
  action?: ReactNode;
}

export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((r) => r.action);
  return (
    <dl className={cx("govuk-summary-list", noBorder && "govuk-summary-list--no-border")}>
      {rows.map((row, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed per render
          key={index}
          className={cx(
            "govuk-summary-list__row",
            anyActions && !row.action && "govuk-summary-list__row--no-actions",
          )}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? <dd className="govuk-summary-list__actions">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** A summary card: a titled box around a summary list (one record), with its own actions. */
export function SummaryCard({
  title,
  actions = [],
  children,
}: {
  title: ReactNode;
  actions?: ReactNode[];
  children: ReactNode;
}) {
  const shown = actions.filter(Boolean);
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
        {shown.length > 0 ? (
          <ul className="govuk-summary-card__actions">
            {shown.map((action, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions are fixed per render
              <li className="govuk-summary-card__action" key={index}>
                {action}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}
