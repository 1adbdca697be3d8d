import type { ReactNode } from "react";

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
