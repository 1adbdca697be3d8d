import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { LoadFailed } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { AuditGradeTag } from "./audit-grade-tag";
import { myCaseAuditsQuery } from "./case-audit-queries";

/** On My work: audits of the practitioner's cases whose feedback they have yet to acknowledge. */
export function AuditFeedbackToRead() {
  const audits = useQuery(myCaseAuditsQuery);
  if (audits.error) return <LoadFailed error={audits.error} />;
  const waiting = audits.data ?? [];
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="audit-feedback">
      <h2 className="govuk-heading-m" id="audit-feedback">
        Audit feedback to read
      </h2>
      <ul className="app-card-list">
        {waiting.map((audit) => (
          <li className="app-card" key={audit.id}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link
                to="/families/$familyId/oversight"
                params={{ familyId: audit.familyId }}
                className="govuk-link"
              >
                {audit.familyDisplayName}
              </Link>
            </h3>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              Audited {formatDay(audit.auditedOn)} by {audit.auditorName} ·{" "}
              <AuditGradeTag grade={audit.grade} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
