import type { ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./classes";

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className"> {
  variant?: "primary" | "secondary" | "warning";
  /** Inline, smaller spacing for buttons inside tables and lists */
  inline?: boolean;
  children: ReactNode;
}

export function Button({
  variant = "primary",
  inline,
  type = "button",
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={cx(
        "govuk-button",
        variant === "secondary" && "govuk-button--secondary",
        variant === "warning" && "govuk-button--warning",
        inline && "govuk-!-margin-bottom-0",
      )}
      data-module="govuk-button"
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}

/** A button that looks like a link, for secondary actions inside text and tables. */
export function LinkButton({
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "type">) {
  return (
    <button {...rest} type="button" className="app-link-button govuk-link">
      {children}
    </button>
  );
}
