import type { ReactNode } from "react";
import { cx } from "./classes";

export interface FieldsetProps {
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  /** The legend is the page's h1 (a one-question page) */
  isPageHeading?: boolean;
  describedBy?: string | undefined;
  role?: string;
  children: ReactNode;
}

export function Fieldset({
  legend,
  legendSize,
  isPageHeading,
  describedBy,
  role,
  children,
}: FieldsetProps) {
  const legendClass = cx(
    "govuk-fieldset__legend",
    legendSize && `govuk-fieldset__legend--${legendSize}`,
  );
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy} role={role}>
      <legend className={legendClass}>
        {isPageHeading ? (
          <h1 className="govuk-fieldset__heading" tabIndex={-1}>
            {legend}
          </h1>
        ) : (
          legend
        )}
      </legend>
      {children}
    </fieldset>
  );
}
