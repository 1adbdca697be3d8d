import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { Consent } from "../../api/types";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { informationKindLabels } from "../../lib/labels";
import { WithdrawConsentForm } from "../consent/withdraw-consent-form";
import { consentsQuery } from "../family/family-queries";

const withdrawRoute = getRouteApi("/_authed/our-family/$familyId/consents/$consentId/withdraw");

function ConsentSummary({
  familyId,
  consent,
  canWithdraw,
}: {
  familyId: string;
  consent: Consent;
  canWithdraw: boolean;
}) {
  const given = consent.decision === "given";
  return (
    <div className="app-card">
      <p className="govuk-body">
        {given ? `${consent.givenBy.name} said yes` : `${consent.givenBy.name} said no`} on{" "}
        {formatDay(consent.obtainedAt)}
        {consent.state === "withdrawn" ? ", and later took it back" : ""}.
      </p>
      {given ? (
        <>
          <p className="govuk-body govuk-!-margin-bottom-1">
            These people can share information about your family with each other:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {consent.agencies.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
          <p className="govuk-body">
            The information they can share:{" "}
            {consent.informationKinds.map((k) => informationKindLabels[k].toLowerCase()).join(", ")}
            .
          </p>
          {consent.withheld ? (
            <p className="govuk-body">You asked us not to share: {consent.withheld}</p>
          ) : null}
          {consent.reviewDate && consent.state !== "withdrawn" ? (
            <p className="govuk-body">
              We will check this with you again by {formatDay(consent.reviewDate)}.
            </p>
          ) : null}
        </>
      ) : null}
      {canWithdraw && consent.canWithdraw ? (
        <Link
          to="/our-family/$familyId/consents/$consentId/withdraw"
          params={{ familyId, consentId: consent.id }}
          className="govuk-link"
        >
          Take back this consent
          <span className="govuk-visually-hidden"> given on {formatDay(consent.obtainedAt)}</span>
        </Link>
      ) : null}
    </div>
  );
}

export function OurConsent({
  familyId,
  consents,
  canWithdraw,
}: {
  familyId: string;
  consents: Consent[];
  canWithdraw: boolean;
}) {
  return (
    <section aria-labelledby="our-consent">
      <h2 className="govuk-heading-m" id="our-consent">
        Sharing information about your family
      </h2>
      <p className="govuk-body">
        You decide who can share information about your family. You can change your mind at any
        time.
      </p>
      {consents.length === 0 ? <p className="govuk-body">You have not been asked yet.</p> : null}
      {consents.map((c) => (
        <ConsentSummary key={c.id} familyId={familyId} consent={c} canWithdraw={canWithdraw} />
      ))}
    </section>
  );
}

export function OurConsentWithdrawPage() {
  const { familyId, consentId } = withdrawRoute.useParams();
  const consents = useQuery(consentsQuery(familyId));
  const consent = consents.data?.data.find((c) => c.id === consentId);
  if (consents.isPending) return <Loading />;
  if (consents.error) return <LoadFailed error={consents.error} />;
  if (!consent) return <LoadFailed error={new Error("not found")} />;
  const back = (
    <Link to="/our-family" className="govuk-link">
      Back to our plan
    </Link>
  );
  return (
    <WithdrawConsentForm
      familyId={familyId}
      consent={consent}
      plain
      cancel={back}
      after={<p className="govuk-body">{back}</p>}
    />
  );
}
