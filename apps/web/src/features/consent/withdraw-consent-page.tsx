import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { consentsQuery, useFamilyId } from "../family/family-queries";
import { WithdrawConsentForm } from "./withdraw-consent-form";

const route = getRouteApi("/_authed/families/$familyId/consents/$consentId/withdraw");

export function WithdrawConsentPage() {
  const familyId = useFamilyId();
  const { consentId } = route.useParams();
  const consents = useQuery(consentsQuery(familyId));
  const [consent] = consents.data?.data.filter((c) => c.id === consentId) ?? [];
  if (consents.isPending) return <Loading />;
  if (consents.error) return <LoadFailed error={consents.error} />;
  if (!consent) return <LoadFailed error={new Error("This consent was not found.")} />;
  const back = (
    <Link to="/families/$familyId/consents" params={{ familyId }} className="govuk-link">
      Back to consent
    </Link>
  );
  return (
    <WithdrawConsentForm
      familyId={familyId}
      consent={consent}
      cancel={back}
      after={<p className="govuk-body">{back}</p>}
    />
  );
}
