import type { ReactNode } from "react";

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

/** The ids a control is described by: its hint, then its error. */
export function describedBy(
  id: string,
  hint: ReactNode | undefined,
  error: string | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Label as the page's h1 (a one-question page) */
  labelIsPageHeading?: boolean;
  labelClassName?: string;
}

export function FieldLabel({
  id,
  label,
  labelIsPageHeading,
  labelClassName,
}: Pick<FieldProps, "id" | "label" | "labelIsPageHeading" | "labelClassName">) {
  const className = `govuk-label${labelClassName ? ` ${labelClassName}` : ""}`;
  if (labelIsPageHeading) {
    return (
      <h1 className="govuk-label-wrapper" tabIndex={-1}>
        <label className={`${className} govuk-label--l`} htmlFor={id}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className={className} htmlFor={id}>
      {label}
    </label>
  );
}

/** A form group with its label, hint and error, around one control. */
export function FormGroup({
  id,
  label,
  hint,
  error,
  labelIsPageHeading,
  labelClassName,
  children,
}: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <FieldLabel
        id={id}
        label={label}
        labelIsPageHeading={labelIsPageHeading}
        labelClassName={labelClassName}
      />
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}
