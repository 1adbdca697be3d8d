import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { meQuery } from "../../app/session";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { PartBoundary } from "../../components/layout/part-boundary";
import { useFamily, useFamilyId } from "../family/family-queries";
import { CaseAuditCard } from "./case-audit-card";
import { caseAuditsQuery } from "./case-audit-queries";
import { SupervisionSection } from "./supervision-section";

/**
 * Management oversight of one case: case-file audits and supervision notes.
 * Seen by managers of the service and the lead professional only.
 */
export function OversightPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  usePageTitle(`Audits and supervision – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = family.data?.abilities;
  return (
    <>
      <h1 className="govuk-heading-l">Audits and supervision</h1>
      <p className="govuk-body">
        Only managers of the service and the lead professional see this page. The family and the
        rest of the team do not.
      </p>
      {abilities?.case_audit.read ? (
        <PartBoundary what="the case-file audits">
          <CaseAuditsSection familyId={familyId} canCreate={abilities.case_audit.create} />
        </PartBoundary>
      ) : null}
      {abilities?.supervision.read ? (
        <PartBoundary what="the supervision notes">
          <SupervisionSection familyId={familyId} canRecord={abilities.supervision.record} />
        </PartBoundary>
      ) : null}
    </>
  );
}

function CaseAuditsSection({ familyId, canCreate }: { familyId: string; canCreate: boolean }) {
  const audits = useQuery(caseAuditsQuery(familyId));
  const me = useQuery(meQuery);
  const canAcknowledge = audits.data?.abilities.case_audit.acknowledge ?? false;
  return (
    <section aria-labelledby="case-audits" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="case-audits">
        Case-file audits
      </h2>
      {canCreate ? (
        <p className="govuk-body">
          <Link
            to="/families/$familyId/oversight/audit"
            params={{ familyId }}
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          >
            Audit this case
          </Link>
        </p>
      ) : null}
      {audits.isPending ? <Loading what="Loading the audits" /> : null}
      {audits.error ? <LoadFailed error={audits.error} /> : null}
      {audits.data?.data.length === 0 ? (
        <p className="govuk-body">This case has not been audited.</p>
      ) : null}
      {audits.data?.data.map((audit) => (
        <PartBoundary what="this audit" key={audit.id}>
          <CaseAuditCard
            audit={audit}
            canAcknowledge={canAcknowledge && audit.practitioner?.userId === me.data?.data.id}
          />
        </PartBoundary>
      ))}
    </section>
  );
}
