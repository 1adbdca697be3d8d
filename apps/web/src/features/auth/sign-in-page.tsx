import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { homeFor } from "../../app/root-route";
import { meQuery } from "../../app/session";
import { Button, Input, NotificationBanner } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { SingleSignOnButtons, SingleSignOnProblem } from "./single-sign-on";

const route = getRouteApi("/sign-in");

/** Only paths inside this app, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | undefined): string | undefined {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/sign-in")) {
    return undefined;
  }
  return next;
}

function useFinishSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { next } = route.useSearch();
  return async () => {
    queryClient.clear();
    const me = await queryClient.fetchQuery(meQuery);
    if (me.data.totpEnrolmentRequired) {
      await navigate({ to: "/account/two-step-verification" });
      return;
    }
    await navigate({ to: safeNext(next) ?? homeFor(me.data, me.abilities) });
  };
}

export function SignInPage() {
  const [step, setStep] = useState<"password" | "code">("password");
  const { expired, signedOut, error } = route.useSearch();
  const finish = useFinishSignIn();
  return step === "password" ? (
    <PasswordStep
      expired={expired}
      signedOut={signedOut}
      singleSignOnError={error}
      onSecondFactor={() => setStep("code")}
      onDone={finish}
    />
  ) : (
    <CodeStep onDone={finish} />
  );
}

const passwordFields = {
  email: { id: "email", label: "Email address" },
  password: { id: "password", label: "Password" },
};

function PasswordStep(props: {
  expired?: boolean | undefined;
  signedOut?: boolean | undefined;
  singleSignOnError?: string | undefined;
  onSecondFactor: () => void;
  onDone: () => Promise<void>;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useApiForm({
    fields: passwordFields,
    validate: () =>
      required([
        ["email", !email.trim(), "Enter your email address"],
        ["password", !password, "Enter your password"],
      ]),
    submit: () => unwrap(api.POST("/api/auth/sign-in", { body: { email, password } })),
    expectsSignedOut: true,
    onSuccess: async ({ data }) => {
      if (data.secondFactorRequired) props.onSecondFactor();
      else await props.onDone();
    },
  });
  usePageTitle("Sign in", form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {props.expired ? (
          <NotificationBanner title="Signed out">
            <p className="govuk-body">You have been signed out. Sign in again to carry on.</p>
          </NotificationBanner>
        ) : null}
        {props.signedOut ? (
          <NotificationBanner type="success" heading="You have signed out" />
        ) : null}
        {form.errors === null ? <SingleSignOnProblem error={props.singleSignOnError} /> : null}
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Sign in to Teamaround</h1>
        <SingleSignOnButtons />
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={form.fieldError("email")}
          />
          <Input
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={form.fieldError("password")}
          />
          <Button type="submit" disabled={form.pending}>
            Sign in
          </Button>
        </form>
        <p className="govuk-body">
          If you have not set a password yet, use the link your administrator or lead professional
          sent you.
        </p>
      </div>
    </div>
  );
}

function CodeStep({ onDone }: { onDone: () => Promise<void> }) {
  const [code, setCode] = useState("");
  const form = useApiForm({
    fields: { code: { id: "code", label: "Security code" } },
    validate: () =>
      required([
        [
          "code",
          !/^\d{6}$/.test(code.trim()),
          "Enter the 6-digit code from your authenticator app",
        ],
      ]),
    submit: () => unwrap(api.POST("/api/auth/totp", { body: { code: code.trim() } })),
    expectsSignedOut: true,
    onSuccess: onDone,
  });
  usePageTitle("Enter your security code", form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="code"
            label="Enter the security code from your authenticator app"
            labelIsPageHeading
            hint="It is 6 numbers, and changes every 30 seconds."
            inputMode="numeric"
            autoComplete="one-time-code"
            width="5"
            value={code}
            onChange={setCode}
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
