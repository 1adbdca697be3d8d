import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate, useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, SingleCheckbox, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { dueInWords } from "../../lib/dates";
import { outcomesQuery, useFamilyId, useRefreshFamily } from "../family/family-queries";

const route = getRouteApi("/_authed/families/$familyId/actions/$actionId/progress");

export function ProgressNotePage() {
  const familyId = useFamilyId();
  const { actionId } = route.useParams();
  const outcomes = useQuery(outcomesQuery(familyId));
  const action = outcomes.data?.data.flatMap((o) => o.actions).find((a) => a.id === actionId);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [forTeamOnly, setForTeamOnly] = useState(false);
  const form = useApiForm({
    fields: { note: { id: "note", label: "Progress note" } },
    validate: () => required([["note", !note.trim(), "Enter what has happened"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/actions/{actionId}/progress", {
          params: { path: { familyId, actionId } },
          body: { note, forTeamOnly },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/outcomes`, "Progress note added");
      await navigate({ to: "/families/$familyId/outcomes", params: { familyId } });
    },
  });
  usePageTitle("Add a progress note", form.errors !== null);
  if (outcomes.error) return <LoadFailed error={outcomes.error} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Add a progress note</h1>
        {action ? (
          <div className="govuk-inset-text">
            {action.text}
            <br />
            <span className="govuk-body-s">{dueInWords(action.dueDate)}</span>
          </div>
        ) : null}
        {action && !action.canAddProgress ? (
          <p className="govuk-body">You cannot add progress to this action.</p>
        ) : (
          <form noValidate onSubmit={form.handleSubmit(undefined)}>
            <Textarea
              id="note"
              label="What has happened?"
              labelClassName="govuk-label--s"
              value={note}
              onChange={setNote}
              error={form.fieldError("note")}
            />
            <SingleCheckbox
              id="forTeamOnly"
              label="For the team only"
              hint="The people helping your family will see it; the rest of your family will not."
              checked={forTeamOnly}
              onChange={setForTeamOnly}
            />
            <div className="govuk-button-group">
              <Button type="submit" disabled={form.pending}>
                Add note
              </Button>
              <Link
                to="/families/$familyId/outcomes"
                params={{ familyId }}
                className="govuk-link"
                onClick={(e) => {
                  if (router.history.canGoBack()) {
                    e.preventDefault();
                    router.history.back();
                  }
                }}
              >
                Cancel
              </Link>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
