import type { ReactNode } from "react";
import { cx } from "./classes";
import { describedBy, ErrorMessage, Hint } from "./field-parts";
import { Fieldset } from "./fieldset";
import { type ChoiceItem, itemId } from "./radios";

export interface CheckboxesProps {
  id: string;
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  hint?: ReactNode;
  error?: string | undefined;
  items: ChoiceItem[];
  values: string[];
  onChange: (values: string[]) => void;
  small?: boolean;
}

export function Checkboxes({
  id,
  legend,
  legendSize,
  hint,
  error,
  items,
  values,
  onChange,
  small,
}: CheckboxesProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Fieldset legend={legend} legendSize={legendSize} describedBy={describedBy(id, hint, error)}>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className={cx("govuk-checkboxes", small && "govuk-checkboxes--small")}>
          {items.map((item, index) => {
            const inputId = itemId(id, index);
            const checked = values.includes(item.value);
            return (
              <div key={item.value}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={inputId}
                    name={id}
                    type="checkbox"
                    value={item.value}
                    checked={checked}
                    aria-describedby={item.hint ? `${inputId}-item-hint` : undefined}
                    onChange={(e) => toggle(item.value, e.target.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                    {item.label}
                  </label>
                  {item.hint ? (
                    <div id={`${inputId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional && checked ? (
                  <div className="govuk-checkboxes__conditional">{item.conditional}</div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

/** A single yes/no checkbox, outside a fieldset of its own. */
export function SingleCheckbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
