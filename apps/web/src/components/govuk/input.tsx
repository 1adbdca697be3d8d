import type { InputHTMLAttributes } from "react";
import { cx } from "./classes";
import { describedBy, type FieldProps, FormGroup } from "./field-parts";

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "onChange">;

export interface InputProps extends FieldProps, NativeInput {
  value: string;
  onChange: (value: string) => void;
  /** GOV.UK fixed or fluid widths: "10", "20", "one-half", … */
  width?:
    | "2"
    | "3"
    | "4"
    | "5"
    | "10"
    | "20"
    | "30"
    | "full"
    | "three-quarters"
    | "two-thirds"
    | "one-half";
}

export function Input({
  id,
  label,
  hint,
  error,
  labelIsPageHeading,
  labelClassName,
  value,
  onChange,
  width,
  type = "text",
  ...rest
}: InputProps) {
  const widthClass = width
    ? /^\d+$/.test(width)
      ? `govuk-input--width-${width}`
      : `govuk-!-width-${width}`
    : undefined;
  return (
    <FormGroup {...{ id, label, hint, error, labelIsPageHeading, labelClassName }}>
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        type={type}
        className={cx("govuk-input", widthClass, error && "govuk-input--error")}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormGroup>
  );
}
