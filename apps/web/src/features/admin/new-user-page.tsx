import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, unwrap } from "../../api/client";
import { Button, Panel } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDateTime } from "../../lib/dates";
import { staffRole, UserFields, userFields, useUserAnswers } from "./user-form";

/** A new set-password link: emailed, and shown here in demo mode only (the API leaves it out otherwise). */
export function SetPasswordLink({
  url,
  expiresAt,
  name,
}: {
  url: string | undefined;
  expiresAt: string;
  name: string;
}) {
  return (
    <>
      <p className="govuk-body">The link works once, until {formatDateTime(expiresAt)}.</p>
      {url ? (
        <>
          <p className="govuk-body">
            This is a demonstration, so no email is sent: it is kept in the local outbox. Give{" "}
            {name} this link:
          </p>
          <p className="govuk-body app-break-anywhere">
            <a className="govuk-link" href={url}>
              {url}
            </a>
          </p>
        </>
      ) : (
        <p className="govuk-body">We have emailed {name} a link to choose a password.</p>
      )}
    </>
  );
}

export function NewUserPage() {
  const queryClient = useQueryClient();
  const answers = useUserAnswers();
  const form = useApiForm({
    fields: userFields,
    validate: () =>
      required([
        ["email", !answers.email.trim(), "Enter their email address"],
        ["displayName", !answers.displayName.trim(), "Enter their full name"],
        ["role", !answers.role, "Select their role"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/users", {
          body: {
            email: answers.email,
            displayName: answers.displayName,
            role: staffRole(answers.role),
            ...(answers.jobTitle.trim() ? { jobTitle: answers.jobTitle } : {}),
            ...(answers.agencyId ? { agencyId: answers.agencyId } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
  usePageTitle(form.result ? "Account created" : "Invite a member of staff", form.errors !== null);
  if (form.result) {
    const { data, invitation } = form.result;
    return (
      <>
        <Panel title="Account created">{data.displayName} can now set a password.</Panel>
        <SetPasswordLink
          url={invitation.setPasswordUrl}
          expiresAt={invitation.expiresAt}
          name={data.displayName}
        />
        <p className="govuk-body">
          <Link to="/admin/users" className="govuk-link">
            Back to staff accounts
          </Link>
        </p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Invite a member of staff</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <UserFields answers={answers} form={form} withEmail />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Create account
            </Button>
            <Link to="/admin/users" className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
