import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { Button, Input, NotificationBanner, Radios, SummaryList } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";

const settingsQuery = queryOptions({
  queryKey: ["authority", "single-sign-on"],
  queryFn: async () => (await unwrap(api.GET("/api/authority/single-sign-on"))).data,
});
type Settings = components["schemas"]["SingleSignOnSettings"];

export function SingleSignOnPage() {
  usePageTitle("Single sign-on");
  const settings = useQuery(settingsQuery);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <LoadFailed error={settings.error} />;
  const key = JSON.stringify({ ...settings.data, version: undefined });
  return <SingleSignOnForm key={key} settings={settings.data} />;
}

const fields = {
  issuer: { id: "issuer", label: "Issuer" },
  clientId: { id: "clientId", label: "Client ID" },
  displayName: { id: "displayName", label: "Button words" },
  requireStaffSso: { id: "requireStaffSso", label: "Require single sign-on" },
};

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

function SingleSignOnForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(settings.issuer ?? "");
  const [clientId, setClientId] = useState(settings.clientId ?? "");
  const [displayName, setDisplayName] = useState(settings.displayName ?? "");
  const [required, setRequired] = useState(settings.requireStaffSso ? "yes" : "no");
  const form = useApiForm({
    fields,
    submit: () =>
      unwrap(
        api.PATCH("/api/authority/single-sign-on", {
          body: {
            version: settings.version,
            issuer: orNull(issuer),
            clientId: orNull(clientId),
            displayName: orNull(displayName),
            requireStaffSso: required === "yes",
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: settingsQuery.queryKey });
    },
  });
  return (
    <>
      <FormProblems
        form={form}
        onReload={async () => {
          await queryClient.invalidateQueries({ queryKey: settingsQuery.queryKey });
          form.reset();
        }}
      />
      {form.result && !form.pending ? (
        <NotificationBanner type="success" heading="Single sign-on saved" />
      ) : null}
      <h1 className="govuk-heading-l">Single sign-on</h1>
      <p className="govuk-body">
        Staff can sign in with the council's own account (Microsoft Entra ID or another OpenID
        Connect provider). Families and guests keep their passwords and codes.
      </p>
      <SummaryList
        rows={[
          { key: "Redirect URI to register", value: <code>{settings.callbackUrl}</code> },
          {
            key: "Client secret",
            value: settings.clientSecretConfigured
              ? "Set on the server"
              : `Not set. Ask whoever runs the server to set ${
                  settings.clientSecretVariable ?? "OIDC_CLIENT_SECRET"
                }.`,
          },
        ]}
      />
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <Input
          id="issuer"
          label="Issuer URL"
          hint="For Microsoft Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0"
          spellCheck={false}
          value={issuer}
          onChange={setIssuer}
          error={form.fieldError("issuer")}
        />
        <Input
          id="clientId"
          label="Client ID"
          hint="The application (client) ID the provider gave Teamaround."
          spellCheck={false}
          value={clientId}
          onChange={setClientId}
          error={form.fieldError("clientId")}
        />
        <Input
          id="displayName"
          label="Words on the sign-in button"
          hint="For example, ‘Sign in with Northshire Council’."
          value={displayName}
          onChange={setDisplayName}
          error={form.fieldError("displayName")}
        />
        <Radios
          id="requireStaffSso"
          legend="Must staff sign in with single sign-on?"
          legendSize="m"
          hint="With ‘Yes’, staff cannot sign in with a password. Administrators who have set up two-step verification still can, in case the council's sign-in stops working."
          items={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
          value={required}
          onChange={setRequired}
          error={form.fieldError("requireStaffSso")}
        />
        <Button type="submit" disabled={form.pending}>
          Save single sign-on
        </Button>
      </form>
    </>
  );
}
