import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Input, Panel } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDateTime } from "../../lib/dates";
import { membersQuery, useFamilyId, useRefreshFamily } from "./family-queries";

const route = getRouteApi("/_authed/families/$familyId/members/$memberId/invite");

export function InviteMemberPage() {
  const familyId = useFamilyId();
  const { memberId } = route.useParams();
  const members = useQuery(membersQuery(familyId));
  const member = members.data?.data.find((m) => m.id === memberId);
  const refresh = useRefreshFamily(familyId);
  const [email, setEmail] = useState("");
  const form = useApiForm({
    fields: { email: { id: "email", label: "Email address" } },
    validate: () => required([["email", !email.trim(), "Enter their email address"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/members/{memberId}/invitation", {
          params: { path: { familyId, memberId } },
          body: { email },
        }),
      ),
    onSuccess: refresh,
  });
  const name = member ? `${member.givenName} ${member.familyName}` : "this family member";
  usePageTitle(
    form.result ? "Invitation created" : `Invite ${name} to the family portal`,
    form.errors !== null,
  );
  if (form.result) {
    const { setPasswordUrl, expiresAt } = form.result.data;
    return (
      <>
        <Panel title="Invitation created">
          The link works once, until {formatDateTime(expiresAt)}.
        </Panel>
        {setPasswordUrl ? (
          <>
            <p className="govuk-body">
              This is a demonstration, so no email is sent: it is kept in the local outbox. Give{" "}
              {name} this link:
            </p>
            <p className="govuk-body app-break-anywhere">
              <a className="govuk-link" href={setPasswordUrl}>
                {setPasswordUrl}
              </a>
            </p>
          </>
        ) : (
          <p className="govuk-body">We have emailed {name} a link to choose a password.</p>
        )}
        <p className="govuk-body">
          <Link to="/families/$familyId/members" params={{ familyId }} className="govuk-link">
            Back to family members
          </Link>
        </p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Invite {name} to the family portal</h1>
        <p className="govuk-body">
          They will be able to see the family's plan in plain words, mark their own actions done,
          and give or withdraw consent. They will never see practitioners' notes.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="email"
            label="Their email address"
            type="email"
            spellCheck={false}
            autoComplete="off"
            value={email}
            onChange={setEmail}
            error={form.fieldError("email")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Create invitation
            </Button>
            <Link to="/families/$familyId/members" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
