import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, ButtonGroup, Textarea } from "../../components/govuk";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";

const fields = { reason: { id: "closure-withdraw-reason", label: "Why are you withdrawing it?" } };

/**
 * The lead takes back a closure proposal still waiting: a warning button,
 * then a confirmation (GOV.UK's pattern for an action that cannot be undone)
 * with an optional reason for the history.
 */
export function WithdrawClosure({
  familyId,
  proposalId,
  onWithdrawn,
}: {
  familyId: string;
  proposalId: string;
  onWithdrawn: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const form = useApiForm({
    fields,
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/closure-proposals/{proposalId}/withdraw", {
          params: { path: { familyId, proposalId } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: onWithdrawn,
  });
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Withdraw this proposal
      </Button>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(undefined)}
      aria-labelledby="closure-withdraw-heading"
    >
      <FormProblems form={form} />
      <h3 className="govuk-heading-s" id="closure-withdraw-heading">
        Are you sure you want to withdraw this proposal?
      </h3>
      <p className="govuk-body">
        The case stays open and managers will no longer see the closure waiting. You can propose
        closing the case again later.
      </p>
      <Textarea
        id={fields.reason.id}
        label="Why are you withdrawing it? (optional)"
        labelClassName="govuk-label--s"
        hint="Managers see this in the closure's history."
        rows={2}
        maxLength={500}
        value={reason}
        onChange={setReason}
        error={form.fieldError("reason")}
      />
      <ButtonGroup>
        <Button type="submit" variant="warning" disabled={form.pending}>
          Yes, withdraw the proposal
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          No, keep it waiting
        </Button>
      </ButtonGroup>
    </form>
  );
}
