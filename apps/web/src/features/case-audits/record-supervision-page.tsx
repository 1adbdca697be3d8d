import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, DateInput, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, emptyDate, isDateEmpty, isoToDateParts, todayIso } from "../../lib/dates";
import { useFamilyId, useRefreshFamily } from "../family/family-queries";

const fields = {
  heldOn: { id: "heldOn-day", label: "Date of supervision" },
  discussion: { id: "discussion", label: "What was discussed" },
  decisions: { id: "decisions", label: "Decisions" },
  nextOn: { id: "nextOn-day", label: "Next supervision" },
};

/** A manager records case supervision with the lead professional. */
export function RecordSupervisionPage() {
  const familyId = useFamilyId();
  usePageTitle("Record supervision");
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [held, setHeld] = useState(() => isoToDateParts(todayIso()));
  const [discussion, setDiscussion] = useState("");
  const [decisions, setDecisions] = useState("");
  const [next, setNext] = useState(emptyDate);
  const heldOn = datePartsToIso(held);
  const nextOn = datePartsToIso(next);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["heldOn", heldOn === null, "Enter the date of supervision as a real date"],
        ["discussion", !discussion.trim(), "Enter what was discussed"],
        ["decisions", !decisions.trim(), "Enter the decisions made"],
        [
          "nextOn",
          !isDateEmpty(next) && nextOn === null,
          "Enter the next supervision as a real date",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/supervision", {
          params: { path: { familyId } },
          body: {
            heldOn: heldOn ?? "",
            discussion,
            decisions,
            ...(nextOn ? { nextOn } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/oversight`, "Supervision recorded");
      await navigate({ to: "/families/$familyId/oversight", params: { familyId } });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Record supervision</h1>
        <p className="govuk-body">
          Managers and the lead professional see supervision notes; the family and the rest of the
          team never do.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <DateInput
            id="heldOn"
            legend="Date of supervision"
            legendSize="s"
            value={held}
            onChange={setHeld}
            error={form.fieldError("heldOn")}
          />
          <Textarea
            id="discussion"
            label="What was discussed"
            labelClassName="govuk-label--s"
            rows={6}
            value={discussion}
            onChange={setDiscussion}
            error={form.fieldError("discussion")}
          />
          <Textarea
            id="decisions"
            label="Decisions"
            labelClassName="govuk-label--s"
            hint="What will happen, who will do it and by when."
            rows={4}
            value={decisions}
            onChange={setDecisions}
            error={form.fieldError("decisions")}
          />
          <DateInput
            id="nextOn"
            legend="Next supervision (optional)"
            legendSize="s"
            value={next}
            onChange={setNext}
            error={form.fieldError("nextOn")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Record supervision
            </Button>
            <Link to="/families/$familyId/oversight" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
