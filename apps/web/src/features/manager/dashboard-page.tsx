import { Link } from "@tanstack/react-router";
import { usePageTitle } from "../../components/layout/page-title";
import { PartBoundary } from "../../components/layout/part-boundary";
import { CaseloadSection } from "./caseload-section";
import { DriftSection } from "./drift-section";
import { SignOffsSection } from "./sign-offs-section";

const sections = [
  { id: "drift", label: "Drift" },
  { id: "sign-offs", label: "Sign-offs" },
  { id: "caseload", label: "Caseload" },
];

/** Where a manager lands: what is late, what waits for them, and who holds which case. */
export function DashboardPage() {
  usePageTitle("Your service");
  return (
    <>
      <h1 className="govuk-heading-l">Your service</h1>
      <p className="govuk-body">
        <Link to="/audit-sample" className="govuk-link">
          Case-file audits: the quarter's random sample
        </Link>
      </p>
      <nav aria-label="On this page" className="govuk-!-margin-bottom-6">
        <ul className="govuk-list">
          {sections.map((s) => (
            <li key={s.id}>
              <a className="govuk-link" href={`#${s.id}`}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PartBoundary what="the drift queue">
        <DriftSection />
      </PartBoundary>
      <PartBoundary what="the sign-off queue">
        <SignOffsSection />
      </PartBoundary>
      <PartBoundary what="the caseload">
        <CaseloadSection />
      </PartBoundary>
    </>
  );
}
