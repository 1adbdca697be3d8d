import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { useFamilyId, useRefreshFamily } from "../family/family-queries";

const endRoute = getRouteApi("/_authed/families/$familyId/lawful-bases/$lawfulBasisId/end");

export function EndLawfulBasisPage() {
  const familyId = useFamilyId();
  const { lawfulBasisId } = endRoute.useParams();
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [reason, setReason] = useState("");
  const form = useApiForm({
    fields: { reason: { id: "reason", label: "Reason" } },
    validate: () => required([["reason", !reason.trim(), "Enter why the lawful basis is ending"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/lawful-bases/{lawfulBasisId}/end", {
          params: { path: { familyId, lawfulBasisId } },
          body: { reason },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/lawful-bases`, "Lawful basis ended", [
        "Team members who joined on it have left the team, unless consent or another basis covers their agency.",
      ]);
      await navigate({ to: "/families/$familyId/lawful-bases", params: { familyId } });
    },
  });
  usePageTitle("End a lawful basis", form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">End this lawful basis</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Textarea
            id="reason"
            label="Why is it ending?"
            labelClassName="govuk-label--s"
            rows={3}
            value={reason}
            onChange={setReason}
            error={form.fieldError("reason")}
          />
          <div className="govuk-button-group">
            <Button type="submit" variant="warning" disabled={form.pending}>
              End lawful basis
            </Button>
            <Link
              to="/families/$familyId/lawful-bases"
              params={{ familyId }}
              className="govuk-link"
            >
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
