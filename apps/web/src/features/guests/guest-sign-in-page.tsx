import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, ErrorSummary, Input } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { useApiForm } from "../../forms/use-api-form";

const landing = getRouteApi("/guest/$token");

const fields = { code: { id: "guest-code", label: "Code" } };

/** `/guest/{token}`: the link from a guest's email asks for the one-time code that came with it. */
export function GuestSignInPage() {
  const { token } = landing.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  usePageTitle("Join a meeting as a guest");
  const form = useApiForm({
    fields,
    expectsSignedOut: true,
    validate: () => {
      const digits = code.replace(/\s/g, "");
      if (digits === "") return [{ field: "code", message: "Enter the code from your email" }];
      if (!/^[0-9]{8}$/.test(digits)) {
        return [{ field: "code", message: "Enter the 8-digit code from your email" }];
      }
      return [];
    },
    submit: () =>
      unwrap(
        api.POST("/api/guest/sign-in", {
          body: { token, code: code.replace(/\s/g, "") },
        }),
      ),
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: "/guest-meeting" });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {form.errors ? <ErrorSummary errors={form.errors.summary} /> : null}
        <h1 className="govuk-heading-l">Join a meeting as a guest</h1>
        <p className="govuk-body">
          You were invited to a Team Around the Child meeting. Enter the code from the email that
          gave you this link. The code works once.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="guest-code"
            label="Code"
            hint="8 digits, for example 12345678"
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            width="10"
            error={form.fieldError("code")}
          />
          <Button type="submit" disabled={form.pending}>
            Continue
          </Button>
        </form>
      </div>
    </div>
  );
}
