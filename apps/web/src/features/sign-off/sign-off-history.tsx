import { useState } from "react";
import { Button, Details, Textarea } from "../../components/govuk";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDay } from "../../lib/dates";
import type { SignOffDecisionEntry } from "./sign-off-queries";

/** How the history words each decision (a withdrawal is the lead's). */
export const decisionWords: Record<SignOffDecisionEntry["decision"], string> = {
  approved: "Approved",
  returned: "Returned",
  withdrawn: "Withdrawn",
};

/** Every decision a manager took (and each withdrawal), oldest first, in a details box. */
export function SignOffHistory({ history }: { history: SignOffDecisionEntry[] }) {
  if (history.length === 0) return null;
  return (
    <Details summary={`Decisions so far (${history.length})`}>
      <ol className="govuk-list govuk-list--number">
        {history.map((h) => (
          <li key={`${h.decidedAt}-${h.decision}`}>
            {decisionWords[h.decision]} by {h.decidedByName} on {formatDay(h.decidedAt)}
            {h.comments ? `: “${h.comments}”` : null}
          </li>
        ))}
      </ol>
    </Details>
  );
}

/** A manager returns what was submitted, saying what needs to change. */
export function ReturnForm({
  id,
  label,
  submit,
  onSuccess,
}: {
  id: string;
  label: string;
  submit: (comments: string) => Promise<unknown>;
  onSuccess: () => Promise<void>;
}) {
  const [comments, setComments] = useState("");
  const form = useApiForm({
    fields: { comments: { id, label: "What needs to change" } },
    validate: () => required([["comments", !comments.trim(), "Enter what needs to change"]]),
    submit: () => submit(comments),
    onSuccess,
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} />
      <Textarea
        id={id}
        label={label}
        labelClassName="govuk-label--s"
        rows={3}
        value={comments}
        onChange={setComments}
        error={form.fieldError("comments")}
      />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        Return with comments
      </Button>
    </form>
  );
}
