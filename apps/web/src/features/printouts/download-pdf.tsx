import type { ReactNode } from "react";

/** Where the API makes each family-safe PDF (see the API's `printouts/`). */
export const printoutPaths = {
  plan: (familyId: string) => `/api/families/${familyId}/plan.pdf`,
  meetingRecord: (familyId: string, meetingId: string) =>
    `/api/families/${familyId}/meetings/${meetingId}/record.pdf`,
  assessment: (familyId: string, assessmentId: string) =>
    `/api/families/${familyId}/assessments/${assessmentId}/assessment.pdf`,
};

/**
 * A link that downloads a PDF the server makes, with what it holds said
 * beside it. Shown only where the caller's abilities allow the download.
 */
export function DownloadPdf({
  href,
  children,
  hint,
}: {
  href: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <p className="govuk-body app-download-pdf">
      <a className="govuk-link" href={href} download>
        {children}
      </a>
      {hint ? <span className="govuk-hint govuk-!-margin-bottom-0">{hint}</span> : null}
    </p>
  );
}
