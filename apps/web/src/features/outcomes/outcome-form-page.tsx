import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { OutcomeArea, PlanOutcome } from "../../api/types";
import { Button, DateInput, Input, Radios, Select, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, isoToDateParts } from "../../lib/dates";
import { optionsOf, outcomeAreaLabels } from "../../lib/labels";
import {
  membersQuery,
  outcomesQuery,
  useFamilyId,
  useRefreshFamily,
} from "../family/family-queries";
import { AudienceFields, audienceProblem, wholeFamily } from "./audience-fields";

const editRoute = getRouteApi("/_authed/families/$familyId/outcomes/$outcomeId/edit");

const fields = {
  area: { id: "area", label: "Outcome area" },
  title: { id: "title", label: "Outcome" },
  measure: { id: "measure", label: "How everyone will know" },
  targetDate: { id: "targetDate-day", label: "Target date" },
  status: { id: "status", label: "Status" },
  audience: { id: "audience", label: "Who in the family can see this" },
};

export function NewOutcomePage() {
  return <OutcomeForm />;
}

export function EditOutcomePage() {
  const familyId = useFamilyId();
  const { outcomeId } = editRoute.useParams();
  const outcomes = useQuery(outcomesQuery(familyId));
  const outcome = outcomes.data?.data.find((o) => o.id === outcomeId);
  if (outcomes.error) return <LoadFailed error={outcomes.error} />;
  if (!outcomes.data) return null;
  if (!outcome) return <LoadFailed error={new Error("This outcome was not found.")} />;
  return <OutcomeForm key={outcome.version} outcome={outcome} />;
}

function OutcomeForm({ outcome }: { outcome?: PlanOutcome }) {
  const familyId = useFamilyId();
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [area, setArea] = useState<string>(outcome?.area ?? "");
  const [title, setTitle] = useState(outcome?.title ?? "");
  const [measure, setMeasure] = useState(outcome?.measure ?? "");
  const [target, setTarget] = useState(isoToDateParts(outcome?.targetDate));
  const [status, setStatus] = useState<string>(outcome?.status ?? "active");
  const [audience, setAudience] = useState(outcome?.audience ?? wholeFamily);
  const members = useQuery(membersQuery(familyId));
  const targetDate = datePartsToIso(target);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["area", !outcome && !area, "Select the outcome area"],
        ["title", !title.trim(), "Enter the outcome, in the family's words"],
        ["measure", !measure.trim(), "Enter how everyone will know it has been reached"],
        ["targetDate", targetDate === null, "Enter a target date, as a real date"],
        ["audience", audienceProblem(audience) !== null, audienceProblem(audience) ?? ""],
      ]),
    submit: () => {
      if (outcome) {
        const changedDate =
          targetDate !== outcome.targetDate ? { targetDate: targetDate ?? "" } : {};
        return unwrap(
          api.PATCH("/api/families/{familyId}/outcomes/{outcomeId}", {
            params: { path: { familyId, outcomeId: outcome.id } },
            body: {
              version: outcome.version,
              title,
              measure,
              status: status as PlanOutcome["status"],
              audience,
              ...changedDate,
            },
          }),
        );
      }
      return unwrap(
        api.POST("/api/families/{familyId}/outcomes", {
          params: { path: { familyId } },
          body: {
            area: area as OutcomeArea,
            title,
            measure,
            targetDate: targetDate ?? "",
            audience,
          },
        }),
      );
    },
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/outcomes`, outcome ? "Outcome saved" : "Outcome added");
      await navigate({ to: "/families/$familyId/outcomes", params: { familyId } });
    },
  });
  const heading = outcome ? "Change an outcome" : "Add an outcome";
  usePageTitle(heading, form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} onReload={refresh} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          {outcome ? null : (
            <Select
              id="area"
              label="Outcome area"
              labelClassName="govuk-label--s"
              options={optionsOf(outcomeAreaLabels, "Choose an area")}
              value={area}
              onChange={setArea}
              error={form.fieldError("area")}
            />
          )}
          <Input
            id="title"
            label="What does the family want to happen?"
            labelClassName="govuk-label--s"
            hint="In the family's own words, for example ‘Our home is warm and dry’."
            value={title}
            onChange={setTitle}
            error={form.fieldError("title")}
          />
          <Textarea
            id="measure"
            label="How will everyone know it has happened?"
            labelClassName="govuk-label--s"
            rows={3}
            value={measure}
            onChange={setMeasure}
            error={form.fieldError("measure")}
          />
          <DateInput
            id="targetDate"
            legend="By when?"
            legendSize="s"
            hint="Today or later."
            value={target}
            onChange={setTarget}
            error={form.fieldError("targetDate")}
          />
          <AudienceFields
            id="audience"
            value={audience}
            onChange={setAudience}
            members={members.data?.data ?? []}
            error={form.fieldError("audience")}
          />
          {outcome ? (
            <Radios
              id="status"
              legend="Status"
              legendSize="s"
              inline
              items={[
                { value: "active", label: "Active" },
                { value: "achieved", label: "Achieved" },
                { value: "dropped", label: "Dropped" },
              ]}
              value={status}
              onChange={setStatus}
              error={form.fieldError("status")}
            />
          ) : null}
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              {outcome ? "Save outcome" : "Add outcome"}
            </Button>
            <Link to="/families/$familyId/outcomes" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
