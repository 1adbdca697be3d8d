import { cx } from "./classes";
import { describedBy, type FieldProps, FormGroup } from "./field-parts";

export interface TextareaProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  spellCheck?: boolean;
}

export function Textarea({
  value,
  onChange,
  rows = 5,
  maxLength,
  spellCheck,
  ...field
}: TextareaProps) {
  const { id, hint, error } = field;
  return (
    <FormGroup {...field}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        spellCheck={spellCheck}
        className={cx("govuk-textarea", error && "govuk-textarea--error")}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormGroup>
  );
}
