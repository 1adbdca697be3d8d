import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Input, Panel } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";

const route = getRouteApi("/set-password");

const fields = {
  password: { id: "password", label: "Password" },
  confirm: { id: "confirm", label: "Confirm password" },
  token: { id: "password", label: "Your link" },
};

export function SetPasswordPage() {
  const { token } = route.useSearch();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["password", !password, "Enter a password"],
        ["confirm", password !== confirm, "The passwords do not match"],
      ]),
    submit: () =>
      unwrap(api.POST("/api/auth/set-password", { body: { token: token ?? "", password } })),
    expectsSignedOut: true,
  });
  const done = form.result !== undefined;
  usePageTitle(done ? "Your password is set" : "Set your password", form.errors !== null);
  if (!token) {
    return (
      <>
        <h1 className="govuk-heading-l">This link is not complete</h1>
        <p className="govuk-body">
          Open the whole link you were sent. If it still does not work, ask your administrator or
          lead professional for a new one.
        </p>
      </>
    );
  }
  if (done) {
    return (
      <>
        <Panel title="Your password is set" />
        <p className="govuk-body">
          <Link to="/sign-in" className="govuk-link">
            Sign in to Teamaround
          </Link>
        </p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Set your password</h1>
        <p className="govuk-body">
          This link works once. Choose a password you do not use anywhere else.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="password"
            label="Password"
            hint="Use at least 8 characters. A few unrelated words make a strong password."
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={form.fieldError("password")}
          />
          <Input
            id="confirm"
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={form.fieldError("confirm")}
          />
          <Button type="submit" disabled={form.pending}>
            Set password
          </Button>
        </form>
      </div>
    </div>
  );
}
