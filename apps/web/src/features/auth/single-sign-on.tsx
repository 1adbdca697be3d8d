import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorSummary } from "../../components/govuk";

export const singleSignOnOptionsQuery = queryOptions({
  queryKey: ["sso-options"],
  queryFn: async () => (await unwrap(api.GET("/api/auth/sso-options"))).data,
  staleTime: 5 * 60_000,
});

/** What went wrong, in plain words, for each reason the API sends back to /sign-in?error=… */
const problems: Record<string, string> = {
  sso_unavailable:
    "Signing in with your council's account is not available right now. Try again later.",
  sso_expired: "Signing in took too long or was started in another window. Try again.",
  sso_failed: "Your council's sign-in could not be checked. Try again.",
  sso_cancelled: "Signing in with your council's account was cancelled.",
  sso_email_unverified:
    "Your council's account does not confirm your email address, so it cannot be matched to a Teamaround account. Ask your administrator.",
  sso_no_account:
    "There is no active Teamaround staff account for your council's account. Ask your administrator to invite you.",
  sso_linked_to_another:
    "Your Teamaround account is already joined to a different council account. Ask your administrator.",
  too_many_attempts: "Too many attempts to sign in. Wait 15 minutes, then try again.",
};

export function SingleSignOnProblem({ error }: { error: string | undefined }) {
  if (!error) return null;
  const text = problems[error] ?? "Signing in did not work. Try again.";
  return <ErrorSummary errors={[{ text }]} />;
}

/**
 * A button per council offering single sign-on. A plain link, not a fetch:
 * the browser itself goes to the council's sign-in page and back.
 */
export function SingleSignOnButtons() {
  const options = useQuery(singleSignOnOptionsQuery);
  if (!options.data?.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Staff of a council</h2>
      {options.data.map((option) => (
        <a
          key={option.authorityId}
          href={`/api/auth/oidc/start?authority=${encodeURIComponent(option.authorityId)}`}
          draggable="false"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
        >
          {option.displayName}
        </a>
      ))}
      <h2 className="govuk-heading-m">Or sign in with your email and password</h2>
    </>
  );
}
