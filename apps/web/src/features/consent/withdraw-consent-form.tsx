import { type ReactNode, useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Consent, ConsentWithdrawal } from "../../api/types";
import { Button, Panel, Textarea } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { useRefreshFamily } from "../family/family-queries";
import { WithdrawalNoticeList } from "./withdrawal-notices";

export interface WithdrawConsentFormProps {
  familyId: string;
  consent: Consent;
  /** Plain words for a family member withdrawing their own consent */
  plain?: boolean;
  cancel: ReactNode;
  after: ReactNode;
}

/** What followed a withdrawal: who left the team, who stayed on another basis, which agencies are told. */
export function WithdrawalOutcome({
  result,
  plain,
}: {
  result: ConsentWithdrawal;
  plain?: boolean | undefined;
}) {
  const list = (items: string[]) => (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
  const person = (p: { name: string; agency: { name: string } | null }) =>
    p.agency ? `${p.name}, ${p.agency.name}` : p.name;
  return (
    <>
      <h2 className="govuk-heading-m">
        {plain ? "Who can no longer see your family's information" : "Removed from the team"}
      </h2>
      {result.removedTeamMembers.length > 0 ? (
        list(result.removedTeamMembers.map(person))
      ) : (
        <p className="govuk-body">No one had to leave the team.</p>
      )}
      {result.repointedTeamMembers.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">
            {plain
              ? "Who is still helping, on another agreement"
              : "Still in the team on another consent or lawful basis"}
          </h2>
          {list(result.repointedTeamMembers.map(person))}
        </>
      ) : null}
      <h2 className="govuk-heading-m">
        {plain ? "Who we have told" : "Agencies told of the withdrawal"}
      </h2>
      {result.consent.withdrawalNotices.length > 0 ? (
        <>
          <p className="govuk-body">
            {plain
              ? "We email each of them. This page shows whether it reached them."
              : "Each is emailed at its contact address. The consent register shows when each email was sent, and any that could not be."}
          </p>
          <WithdrawalNoticeList notices={result.consent.withdrawalNotices} plain={plain} />
        </>
      ) : (
        <p className="govuk-body">No agency had received information under this consent.</p>
      )}
    </>
  );
}

export function WithdrawConsentForm({
  familyId,
  consent,
  plain,
  cancel,
  after,
}: WithdrawConsentFormProps) {
  const refresh = useRefreshFamily(familyId);
  const [reason, setReason] = useState("");
  const form = useApiForm({
    fields: {
      reason: { id: "reason", label: plain ? "Why" : "Reason" },
      withdrawnAt: { id: "reason", label: "Date" },
    },
    validate: () =>
      required([
        [
          "reason",
          !reason.trim(),
          plain
            ? "Tell us why you are taking back your consent"
            : "Enter why consent was withdrawn",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/consents/{consentId}/withdraw", {
          params: { path: { familyId, consentId: consent.id } },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  });
  const title = plain ? "Take back your consent" : "Withdraw consent";
  usePageTitle(form.result ? "Consent withdrawn" : title, form.errors !== null);
  if (form.result) {
    return (
      <>
        <Panel title={plain ? "You have taken back your consent" : "Consent withdrawn"} />
        <WithdrawalOutcome result={form.result.data} plain={plain} />
        {after}
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          {plain
            ? "If you take back your consent, the people it covers can no longer see your family's information, unless there is another legal reason. We will tell every agency that was given information."
            : `Consent given by ${consent.givenBy.name}. Practitioners who joined on this consent will leave the team unless another consent or lawful basis covers their agency. Every agency that received information under it will be told.`}
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {consent.agencies.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Textarea
            id="reason"
            label={plain ? "Why are you taking back your consent?" : "Why was consent withdrawn?"}
            labelClassName="govuk-label--s"
            rows={3}
            value={reason}
            onChange={setReason}
            error={form.fieldError("reason")}
          />
          <div className="govuk-button-group">
            <Button type="submit" variant="warning" disabled={form.pending}>
              {plain ? "Take back my consent" : "Withdraw consent"}
            </Button>
            {cancel}
          </div>
        </form>
      </div>
    </div>
  );
}
