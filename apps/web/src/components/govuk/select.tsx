import { cx } from "./classes";
import { describedBy, type FieldProps, FormGroup } from "./field-parts";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
}

export function Select({ value, onChange, options, ...field }: SelectProps) {
  const { id, hint, error } = field;
  return (
    <FormGroup {...field}>
      <select
        id={id}
        name={id}
        className={cx("govuk-select", error && "govuk-select--error")}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
