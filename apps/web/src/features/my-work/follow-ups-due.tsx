import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { DueFollowUp } from "../../api/types";
import { Button, Radios, Textarea } from "../../components/govuk";
import { LoadFailed } from "../../components/layout/page-states";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDay } from "../../lib/dates";
import { followUpsQuery } from "./my-work-queries";

const resultItems = [
  { value: "sustained", label: "Sustained: things have stayed better" },
  { value: "not_sustained", label: "Not sustained: things have slipped back" },
  { value: "not_known", label: "Not known" },
];

/** Reminders to the lead: 3 and 6 months after closure, has the change lasted? */
export function FollowUpsDue() {
  const followUps = useQuery(followUpsQuery);
  if (followUps.error) return <LoadFailed error={followUps.error} />;
  const due = followUps.data ?? [];
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="follow-ups-due">
      <h2 className="govuk-heading-m" id="follow-ups-due">
        Follow-ups due
      </h2>
      <p className="govuk-body">
        Has the change lasted for these families since their case closed?
      </p>
      <ul className="app-card-list">
        {due.map((f) => (
          <FollowUpCard key={f.id} followUp={f} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpCard({ followUp }: { followUp: DueFollowUp }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState("");
  const [note, setNote] = useState("");
  const id = `follow-up-${followUp.id}`;
  const form = useApiForm({
    fields: {
      result: { id: `${id}-result`, label: "Whether the change lasted" },
      note: { id: `${id}-note`, label: "Note" },
    },
    validate: () => required([["result", !result, "Select whether the change lasted"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/follow-ups/{checkId}", {
          params: { path: { familyId: followUp.familyId, checkId: followUp.id } },
          body: {
            result: result as "sustained" | "not_sustained" | "not_known",
            ...(note.trim() ? { note } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpsQuery.queryKey }),
  });
  return (
    <li className="app-card">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link
          to="/families/$familyId"
          params={{ familyId: followUp.familyId }}
          className="govuk-link"
        >
          {followUp.familyDisplayName}
        </Link>
        : {followUp.monthsAfter} months after closure
      </h3>
      <p className="govuk-body-s">
        Due {formatDay(followUp.dueOn)}
        {followUp.closedAt ? ` · case closed ${formatDay(followUp.closedAt)}` : ""}
      </p>
      <FormProblems form={form} />
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <Radios
          id={`${id}-result`}
          legend={`Has the change lasted for ${followUp.familyDisplayName}?`}
          legendSize="s"
          small
          items={resultItems}
          value={result}
          onChange={setResult}
          error={form.fieldError("result")}
        />
        <Textarea
          id={`${id}-note`}
          label="Note (optional)"
          rows={2}
          value={note}
          onChange={setNote}
          error={form.fieldError("note")}
        />
        <Button type="submit" disabled={form.pending}>
          Record follow-up
          <span className="govuk-visually-hidden"> for {followUp.familyDisplayName}</span>
        </Button>
      </form>
    </li>
  );
}
