import type { ReactNode } from "react";
import { cx } from "./classes";
import { describedBy, ErrorMessage, Hint } from "./field-parts";
import { Fieldset } from "./fieldset";

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the item while it is chosen */
  conditional?: ReactNode;
}

export interface RadiosProps {
  /** Also the first radio's id, so error summary links land on it */
  id: string;
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "xl";
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  items: ChoiceItem[];
  value: string;
  onChange: (value: string) => void;
  inline?: boolean;
  small?: boolean;
}

export function itemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

export function Radios({
  id,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  items,
  value,
  onChange,
  inline,
  small,
}: RadiosProps) {
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <Fieldset
        legend={legend}
        legendSize={legendSize}
        isPageHeading={isPageHeading}
        describedBy={describedBy(id, hint, error)}
      >
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div
          className={cx(
            "govuk-radios",
            inline && "govuk-radios--inline",
            small && "govuk-radios--small",
          )}
        >
          {items.map((item, index) => {
            const inputId = itemId(id, index);
            const checked = value === item.value;
            return (
              <RadioItem
                key={item.value}
                id={inputId}
                name={id}
                item={item}
                checked={checked}
                onChange={onChange}
              />
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

function RadioItem({
  id,
  name,
  item,
  checked,
  onChange,
}: {
  id: string;
  name: string;
  item: ChoiceItem;
  checked: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <div className="govuk-radios__item">
        <input
          className="govuk-radios__input"
          id={id}
          name={name}
          type="radio"
          value={item.value}
          checked={checked}
          aria-describedby={item.hint ? `${id}-item-hint` : undefined}
          aria-controls={item.conditional && checked ? `${id}-conditional` : undefined}
          onChange={() => onChange(item.value)}
        />
        <label className="govuk-label govuk-radios__label" htmlFor={id}>
          {item.label}
        </label>
        {item.hint ? (
          <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
            {item.hint}
          </div>
        ) : null}
      </div>
      {item.conditional && checked ? (
        <div className="govuk-radios__conditional" id={`${id}-conditional`}>
          {item.conditional}
        </div>
      ) : null}
    </>
  );
}
