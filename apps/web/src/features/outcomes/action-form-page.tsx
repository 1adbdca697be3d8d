import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Action } from "../../api/types";
import { Button, Checkboxes, DateInput, Radios, Select, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, isoToDateParts } from "../../lib/dates";
import { memberName } from "../consent/consent-queries";
import {
  membersQuery,
  outcomesQuery,
  teamQuery,
  useFamilyId,
  useRefreshFamily,
} from "../family/family-queries";
import { AudienceFields, audienceProblem, wholeFamily } from "./audience-fields";

const newRoute = getRouteApi("/_authed/families/$familyId/actions/new");
const editRoute = getRouteApi("/_authed/families/$familyId/actions/$actionId/edit");

const fields = {
  outcomeId: { id: "outcomeId", label: "Outcome" },
  text: { id: "text", label: "What will happen" },
  dueDate: { id: "dueDate-day", label: "Due date" },
  owners: { id: "owners", label: "Who will do it" },
  status: { id: "status", label: "Status" },
  audience: { id: "audience", label: "Who in the family can see this" },
};

/** Owners as checkbox values: "user:<id>" for practitioners, "member:<id>" for family members. */
function ownerValue(owner: Action["owners"][number]): string {
  return owner.kind === "practitioner" ? `user:${owner.userId}` : `member:${owner.memberId}`;
}

function ownerBody(values: string[]) {
  return values.map((v) => {
    const [kind, id = ""] = v.split(":");
    return kind === "user" ? { userId: id } : { memberId: id };
  });
}

function useOwnerItems(familyId: string) {
  const team = useQuery(teamQuery(familyId));
  const members = useQuery(membersQuery(familyId));
  return [
    ...(team.data?.data ?? [])
      .filter((m) => !m.removedAt)
      .map((m) => ({ value: `user:${m.userId}`, label: m.displayName, hint: m.agency?.name })),
    ...(members.data?.data ?? []).map((m) => ({
      value: `member:${m.id}`,
      label: memberName(m),
      hint: m.kind === "adult" ? (m.relationship ?? "Family") : "Young person",
    })),
  ];
}

export function NewActionPage() {
  const { outcomeId } = newRoute.useSearch();
  return <ActionForm outcomeId={outcomeId ?? ""} />;
}

export function EditActionPage() {
  const familyId = useFamilyId();
  const { actionId } = editRoute.useParams();
  const outcomes = useQuery(outcomesQuery(familyId));
  const action = outcomes.data?.data.flatMap((o) => o.actions).find((a) => a.id === actionId);
  if (outcomes.error) return <LoadFailed error={outcomes.error} />;
  if (!outcomes.data) return null;
  if (!action) return <LoadFailed error={new Error("This action was not found.")} />;
  return <ActionForm key={action.version} outcomeId={action.outcomeId} action={action} />;
}

function ActionForm({ outcomeId: initialOutcome, action }: { outcomeId: string; action?: Action }) {
  const familyId = useFamilyId();
  const outcomes = useQuery(outcomesQuery(familyId));
  const ownerItems = useOwnerItems(familyId);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [outcomeId, setOutcomeId] = useState(initialOutcome);
  const [text, setText] = useState(action?.text ?? "");
  const [due, setDue] = useState(isoToDateParts(action?.dueDate));
  const [owners, setOwners] = useState<string[]>(action?.owners.map(ownerValue) ?? []);
  const [status, setStatus] = useState<string>(action?.status ?? "open");
  const [audience, setAudience] = useState(action?.audience ?? wholeFamily);
  const members = useQuery(membersQuery(familyId));
  const dueDate = datePartsToIso(due);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["outcomeId", !outcomeId, "Select the outcome this action is for"],
        ["text", !text.trim(), "Enter what will happen"],
        ["dueDate", dueDate === null, "Enter a due date, as a real date"],
        ["owners", owners.length === 0, "Select who will do it"],
        ["audience", audienceProblem(audience) !== null, audienceProblem(audience) ?? ""],
      ]),
    submit: () => {
      if (action) {
        const changedDate = dueDate !== action.dueDate ? { dueDate: dueDate ?? "" } : {};
        return unwrap(
          api.PATCH("/api/families/{familyId}/actions/{actionId}", {
            params: { path: { familyId, actionId: action.id } },
            body: {
              version: action.version,
              text,
              owners: ownerBody(owners),
              status: status as Action["status"],
              audience,
              ...changedDate,
            },
          }),
        );
      }
      return unwrap(
        api.POST("/api/families/{familyId}/actions", {
          params: { path: { familyId } },
          body: {
            outcomeId,
            text,
            dueDate: dueDate ?? "",
            owners: ownerBody(owners),
            audience,
          },
        }),
      );
    },
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/outcomes`, action ? "Action saved" : "Action added");
      await navigate({ to: "/families/$familyId/outcomes", params: { familyId } });
    },
  });
  const heading = action ? "Change an action" : "Add an action";
  usePageTitle(heading, form.errors !== null);
  const outcomeOptions = [
    { value: "", label: "Choose an outcome" },
    ...(outcomes.data?.data ?? [])
      .filter((o) => o.status === "active" || o.id === outcomeId)
      .map((o) => ({ value: o.id, label: o.title })),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} onReload={refresh} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          {action ? null : (
            <Select
              id="outcomeId"
              label="Which outcome is it for?"
              labelClassName="govuk-label--s"
              options={outcomeOptions}
              value={outcomeId}
              onChange={setOutcomeId}
              error={form.fieldError("outcomeId")}
            />
          )}
          <Textarea
            id="text"
            label="What will happen?"
            labelClassName="govuk-label--s"
            rows={3}
            value={text}
            onChange={setText}
            error={form.fieldError("text")}
          />
          <Checkboxes
            id="owners"
            legend="Who will do it?"
            legendSize="s"
            hint="Practitioners in the team and members of the family."
            small
            items={ownerItems}
            values={owners}
            onChange={setOwners}
            error={form.fieldError("owners")}
          />
          <DateInput
            id="dueDate"
            legend="By when?"
            legendSize="s"
            hint="Today or later."
            value={due}
            onChange={setDue}
            error={form.fieldError("dueDate")}
          />
          <AudienceFields
            id="audience"
            value={audience}
            onChange={setAudience}
            members={members.data?.data ?? []}
            error={form.fieldError("audience")}
          />
          {action ? (
            <Radios
              id="status"
              legend="Status"
              legendSize="s"
              inline
              items={[
                { value: "open", label: "Open" },
                { value: "done", label: "Done" },
                { value: "dropped", label: "Dropped" },
              ]}
              value={status}
              onChange={setStatus}
              error={form.fieldError("status")}
            />
          ) : null}
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              {action ? "Save action" : "Add action"}
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
