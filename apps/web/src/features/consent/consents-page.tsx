import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { consentsQuery, useFamily, useFamilyId } from "../family/family-queries";
import { ConsentCard } from "./consent-card";

export function ConsentsPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const consents = useQuery(consentsQuery(familyId));
  usePageTitle(`Consent – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = consents.data?.abilities ?? family.data?.abilities;
  return (
    <>
      <h1 className="govuk-heading-l">Consent to share information</h1>
      <p className="govuk-body">
        What the family agreed may be shared, with which agencies. A practitioner can join the team
        only while consent (or a lawful basis) covers their agency.
      </p>
      {abilities?.consent.record ? (
        <Link
          to="/families/$familyId/consents/new"
          params={{ familyId }}
          className="govuk-button govuk-button--secondary"
        >
          Record consent
        </Link>
      ) : null}
      {consents.isPending ? <Loading /> : null}
      {consents.error ? <LoadFailed error={consents.error} /> : null}
      {consents.data?.data.length === 0 ? (
        <p className="govuk-body">No consent has been recorded yet.</p>
      ) : null}
      {consents.data?.data.map((c) => (
        <ConsentCard
          key={c.id}
          consent={c}
          action={
            abilities?.consent.withdraw && c.canWithdraw ? (
              <Link
                to="/families/$familyId/consents/$consentId/withdraw"
                params={{ familyId, consentId: c.id }}
                className="govuk-link"
              >
                Withdraw
                <span className="govuk-visually-hidden"> consent given by {c.givenBy.name}</span>
              </Link>
            ) : null
          }
        />
      ))}
    </>
  );
}
