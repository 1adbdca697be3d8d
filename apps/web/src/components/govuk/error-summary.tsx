import { type ReactNode, useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  /** `#field-id`; left out when the error concerns no one field */
  href?: string;
  text: string;
}

export interface ErrorSummaryProps {
  title?: string;
  errors: ErrorSummaryItem[];
  children?: ReactNode;
}

/** Moves focus to a field when its summary link is followed, the GOV.UK way. */
function focusTarget(href: string): boolean {
  const target = document.getElementById(href.slice(1));
  if (!target) return false;
  const focusable = target.matches("input, select, textarea, button")
    ? target
    : target.querySelector<HTMLElement>("input, select, textarea, button");
  (focusable ?? target).focus();
  target.closest(".govuk-form-group")?.scrollIntoView();
  return true;
}

/**
 * The GOV.UK error summary. It takes focus when it appears and whenever its
 * errors change, so keyboard and screen-reader users hear what went wrong.
 */
export function ErrorSummary({
  title = "There is a problem",
  errors,
  children,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.href ?? ""}${e.text}`).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when the errors change
  useEffect(() => {
    ref.current?.focus();
  }, [signature]);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {errors.length > 0 ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error) => (
                <li key={`${error.href ?? ""}${error.text}`}>
                  {error.href ? (
                    <a
                      href={error.href}
                      onClick={(e) => {
                        if (error.href && focusTarget(error.href)) e.preventDefault();
                      }}
                    >
                      {error.text}
                    </a>
                  ) : (
                    error.text
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {children}
        </div>
      </div>
    </div>
  );
}
