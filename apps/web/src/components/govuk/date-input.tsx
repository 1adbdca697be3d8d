import type { ReactNode } from "react";
import type { DateParts } from "../../lib/dates";
import { cx } from "./classes";
import { describedBy, ErrorMessage, Hint } from "./field-parts";
import { Fieldset } from "./fieldset";

export interface DateInputProps {
  /** The day box's id is `${id}-day`; error summary links point at it */
  id: string;
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

const boxes = [
  { key: "day", label: "Day", width: 2 },
  { key: "month", label: "Month", width: 2 },
  { key: "year", label: "Year", width: 4 },
] as const;

export function DateInput({
  id,
  legend,
  legendSize,
  hint,
  error,
  value,
  onChange,
}: DateInputProps) {
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Fieldset
        legend={legend}
        legendSize={legendSize}
        role="group"
        describedBy={describedBy(id, hint, error)}
      >
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={id}>
          {boxes.map((box) => (
            <div className="govuk-date-input__item" key={box.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${box.key}`}>
                  {box.label}
                </label>
                <input
                  className={cx(
                    "govuk-input govuk-date-input__input",
                    `govuk-input--width-${box.width}`,
                    error && "govuk-input--error",
                  )}
                  id={`${id}-${box.key}`}
                  name={`${id}-${box.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[box.key]}
                  onChange={(e) => onChange({ ...value, [box.key]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
