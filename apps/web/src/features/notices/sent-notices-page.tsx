import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { OutboxMessages } from "./outbox-messages";
import { adminOutboxQuery } from "./outbox-queries";

const elsewhere = {
  smtp: "by email through the mail server set in SMTP_URL",
  notify: "through GOV.UK Notify",
} as const;

/** Administration → Sent notices: the local outbox of the embedded default. */
export function SentNoticesPage() {
  usePageTitle("Sent notices");
  const outbox = useInfiniteQuery(adminOutboxQuery);
  if (outbox.isPending) return <Loading />;
  if (outbox.error) return <LoadFailed error={outbox.error} />;
  const transport = outbox.data.pages[0]?.transport ?? "local";
  const messages = outbox.data.pages.flatMap((page) => page.data);
  return (
    <>
      <h1 className="govuk-heading-l">Sent notices</h1>
      {transport === "local" ? (
        <>
          <p className="govuk-body">
            No mail server is set up, so Teamaround keeps its emails here instead of sending them:
            invitations, set-password links and password changes, each as it would have been sent.
            Set <code>SMTP_URL</code> (or <code>NOTIFY_API_KEY</code>) to send them.
          </p>
          <p className="govuk-body">
            Set-password links in these messages work. Treat this page as you would the emails
            themselves: each time it is opened is recorded.
          </p>
          <OutboxMessages
            messages={messages}
            more={{
              available: outbox.hasNextPage,
              loading: outbox.isFetchingNextPage,
              load: () => void outbox.fetchNextPage(),
            }}
          />
        </>
      ) : (
        <p className="govuk-body">
          Teamaround sends its notices {elsewhere[transport]}, so none are kept here.
        </p>
      )}
      <p className="govuk-body">
        <Link to="/admin" className="govuk-link">
          Back to administration
        </Link>
      </p>
    </>
  );
}
