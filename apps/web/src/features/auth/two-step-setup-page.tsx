import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { homeFor } from "../../app/root-route";
import { meQuery } from "../../app/session";
import { Button, Details, Input, NotificationBanner } from "../../components/govuk";
import { Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";

interface Enrolment {
  uri: string;
  secret: string;
}

/** The otpauth URI as a QR code image (a data: URL: nothing leaves the browser). */
function QrCode({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Loaded only here, so the QR encoder is not in every page's bundle.
    import("qrcode")
      .then(({ toDataURL }) => toDataURL(uri, { margin: 2, width: 440, errorCorrectionLevel: "M" }))
      .then((url) => {
        if (live) setSrc(url);
      })
      .catch(() => setSrc(null));
    return () => {
      live = false;
    };
  }, [uri]);
  if (!src) return null;
  return (
    <img className="app-qr-code" src={src} alt="QR code to scan with your authenticator app" />
  );
}

export function TwoStepSetupPage() {
  usePageTitle("Set up two-step verification");
  const me = useQuery(meQuery);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  if (!me.data) return <Loading />;
  const { totpEnabled, totpEnrolmentRequired } = me.data.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Set up two-step verification</h1>
        {totpEnrolmentRequired ? (
          <NotificationBanner>
            <p className="govuk-body">
              Your authority asks everyone who works with families to use two-step verification. Set
              it up to carry on.
            </p>
          </NotificationBanner>
        ) : null}
        {enrolment ? (
          <ConfirmStep enrolment={enrolment} />
        ) : (
          <StartStep replacing={totpEnabled} onStarted={setEnrolment} />
        )}
      </div>
    </div>
  );
}

function StartStep({
  replacing,
  onStarted,
}: {
  replacing: boolean;
  onStarted: (e: Enrolment) => void;
}) {
  const [code, setCode] = useState("");
  const form = useApiForm({
    fields: { code: { id: "current-code", label: "Code from your current app" } },
    validate: () =>
      replacing
        ? required([
            [
              "code",
              !/^\d{6}$/.test(code.trim()),
              "Enter the 6-digit code from your current authenticator app",
            ],
          ])
        : [],
    submit: () =>
      unwrap(api.POST("/api/me/totp/enrol", { body: replacing ? { code: code.trim() } : {} })),
    onSuccess: ({ data }) => onStarted(data),
  });
  return (
    <>
      <FormProblems form={form} />
      <p className="govuk-body">
        You will need an authenticator app on your phone, such as Microsoft Authenticator or Google
        Authenticator. Each time you sign in, it gives you a 6-digit code.
      </p>
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        {replacing ? (
          <Input
            id="current-code"
            label="Code from your current app"
            hint="Two-step verification is already on. To move it to a new app, enter a code from the app you use now."
            inputMode="numeric"
            autoComplete="one-time-code"
            width="5"
            value={code}
            onChange={setCode}
            error={form.fieldError("code")}
          />
        ) : null}
        <Button type="submit" disabled={form.pending}>
          {replacing ? "Move to a new app" : "Start"}
        </Button>
      </form>
    </>
  );
}

function ConfirmStep({ enrolment }: { enrolment: Enrolment }) {
  const [code, setCode] = useState("");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
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
    submit: () => unwrap(api.POST("/api/me/totp/confirm", { body: { code: code.trim() } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      const me = await queryClient.fetchQuery(meQuery);
      await navigate({ to: homeFor(me.data, me.abilities) });
    },
  });
  return (
    <>
      <FormProblems form={form} />
      <h2 className="govuk-heading-m">1. Scan the QR code</h2>
      <p className="govuk-body">
        Open your authenticator app, choose to add an account, and scan this code.
      </p>
      <QrCode uri={enrolment.uri} />
      <Details summary="I cannot scan the QR code">
        <p className="govuk-body">Enter this key in your app instead:</p>
        <p className="govuk-body govuk-!-font-weight-bold app-break-anywhere">{enrolment.secret}</p>
        <p className="govuk-body-s app-break-anywhere">Setup address: {enrolment.uri}</p>
      </Details>
      <h2 className="govuk-heading-m">2. Enter the code it shows</h2>
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <Input
          id="code"
          label="Security code"
          hint="It is 6 numbers."
          inputMode="numeric"
          autoComplete="one-time-code"
          width="5"
          value={code}
          onChange={setCode}
          error={form.fieldError("code")}
        />
        <Button type="submit" disabled={form.pending}>
          Turn on two-step verification
        </Button>
      </form>
      <p className="govuk-body">
        <Link to="/account/sessions" className="govuk-link">
          Back to your account
        </Link>
      </p>
    </>
  );
}
