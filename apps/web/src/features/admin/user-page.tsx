import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { AdminUser } from "../../api/types";
import { Button, NotificationBanner, SummaryList, Tag, Textarea } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDay } from "../../lib/dates";
import { roleLabels } from "../../lib/labels";
import { usersQuery } from "./admin-queries";
import { SetPasswordLink } from "./new-user-page";
import { StaffSubjectAccess } from "./staff-subject-access";
import { staffRole, UserFields, userFields, useUserAnswers } from "./user-form";
import { statusLabels } from "./users-page";

const route = getRouteApi("/_authed/admin/users/$userId");

export function UserPage() {
  const { userId } = route.useParams();
  const users = useQuery(usersQuery());
  const user = users.data?.find((u) => u.id === userId);
  // Bumped by "Reload the latest version", so the form starts again from what was reloaded.
  const [reloads, setReloads] = useState(0);
  usePageTitle(user ? user.displayName : "Staff account");
  if (users.isPending) return <Loading />;
  if (users.error) return <LoadFailed error={users.error} />;
  if (!user) return <LoadFailed error={new Error("not found")} />;
  const [label, colour] = statusLabels[user.status];
  return (
    <>
      <span className="govuk-caption-l">Staff account</span>
      <h1 className="govuk-heading-l">{user.displayName}</h1>
      <SummaryList
        rows={[
          { key: "Email", value: user.email },
          { key: "Role", value: roleLabels[user.role] },
          { key: "Status", value: <Tag colour={colour}>{label}</Tag> },
          { key: "Two-step verification", value: user.totpEnabled ? "On" : "Off" },
          { key: "Created", value: formatDay(user.createdAt) },
          ...(user.deactivatedAt
            ? [{ key: "Deactivated", value: formatDay(user.deactivatedAt) }]
            : []),
        ]}
      />
      <EditUser
        key={`${user.id}-${reloads}-${user.displayName}-${user.role}-${user.agency?.id}`}
        user={user}
        onReloaded={() => setReloads((n) => n + 1)}
      />
      <AccountStatus user={user} />
      {user.role === "family_member" ? null : (
        <StaffSubjectAccess userId={user.id} name={user.displayName} />
      )}
      <p className="govuk-body">
        <Link to="/admin/users" className="govuk-link">
          Back to staff accounts
        </Link>
      </p>
    </>
  );
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
}

function EditUser({ user, onReloaded }: { user: AdminUser; onReloaded: () => void }) {
  const refresh = useRefreshUsers();
  const answers = useUserAnswers(user);
  const form = useApiForm({
    fields: userFields,
    validate: () =>
      required([["displayName", !answers.displayName.trim(), "Enter their full name"]]),
    submit: () =>
      unwrap(
        api.PATCH("/api/users/{userId}", {
          params: { path: { userId: user.id } },
          body: {
            version: user.version,
            displayName: answers.displayName,
            jobTitle: answers.jobTitle.trim() || null,
            agencyId: answers.agencyId || null,
            role: staffRole(answers.role),
          },
        }),
      ),
    onSuccess: refresh,
  });
  if (user.role === "family_member") return null;
  return (
    <>
      <h2 className="govuk-heading-m">Change details</h2>
      <FormProblems
        form={form}
        onReload={async () => {
          await refresh();
          onReloaded();
        }}
      />
      {form.result ? <NotificationBanner type="success" heading="Details saved" /> : null}
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <UserFields answers={answers} form={form} withEmail={false} />
        <Button type="submit" disabled={form.pending}>
          Save details
        </Button>
      </form>
    </>
  );
}

function AccountStatus({ user }: { user: AdminUser }) {
  const refresh = useRefreshUsers();
  const [reason, setReason] = useState("");
  const path = { params: { path: { userId: user.id } } };
  const deactivate = useApiForm({
    fields: { reason: { id: "deactivate-reason", label: "Reason" } },
    validate: () =>
      required([["reason", !reason.trim(), "Enter why the account is being deactivated"]]),
    submit: () => unwrap(api.POST("/api/users/{userId}/deactivate", { ...path, body: { reason } })),
    onSuccess: refresh,
  });
  const reactivate = useApiForm({
    fields: {},
    submit: () => unwrap(api.POST("/api/users/{userId}/reactivate", { ...path, body: {} })),
    onSuccess: refresh,
  });
  const reissue = useApiForm({
    fields: {},
    submit: () => unwrap(api.POST("/api/users/{userId}/invitation", { ...path, body: {} })),
    onSuccess: refresh,
  });
  return (
    <>
      <h2 className="govuk-heading-m">Access</h2>
      <FormProblems form={reissue} />
      {reissue.result ? (
        <SetPasswordLink
          url={reissue.result.data.setPasswordUrl}
          expiresAt={reissue.result.data.expiresAt}
          name={user.displayName}
        />
      ) : null}
      {user.status !== "deactivated" ? (
        <Button
          variant="secondary"
          disabled={reissue.pending}
          onClick={reissue.handleSubmit(undefined)}
        >
          Send a new set-password link
        </Button>
      ) : null}
      {user.status === "deactivated" ? (
        <>
          <FormProblems form={reactivate} />
          <Button
            variant="secondary"
            disabled={reactivate.pending}
            onClick={reactivate.handleSubmit(undefined)}
          >
            Reactivate the account
          </Button>
        </>
      ) : (
        <form noValidate onSubmit={deactivate.handleSubmit(undefined)}>
          <FormProblems form={deactivate} />
          <Textarea
            id="deactivate-reason"
            label="Why are you deactivating this account?"
            labelClassName="govuk-label--s"
            hint="They are signed out everywhere at once."
            rows={2}
            value={reason}
            onChange={setReason}
            error={deactivate.fieldError("reason")}
          />
          <Button type="submit" variant="warning" disabled={deactivate.pending}>
            Deactivate the account
          </Button>
        </form>
      )}
    </>
  );
}
