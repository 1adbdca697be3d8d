import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ApiError } from "../../api/errors";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { OutboxMessages } from "./outbox-messages";
import { myOutboxQuery } from "./outbox-queries";

/** Demo mode: the emails Teamaround would have sent the person signed in. */
export function MyMessagesPage() {
  usePageTitle("Emails we would have sent you");
  const outbox = useInfiniteQuery(myOutboxQuery);
  if (outbox.isPending) return <Loading />;
  const notDemo = outbox.error instanceof ApiError && outbox.error.status === 404;
  if (outbox.error && !notDemo) return <LoadFailed error={outbox.error} />;
  return (
    <>
      <h1 className="govuk-heading-l">Emails we would have sent you</h1>
      {notDemo || !outbox.data ? (
        <p className="govuk-body">
          Teamaround sends its emails to your email address, so there is nothing to show here.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            This is a demonstration: Teamaround does not send emails here. These are the emails it
            would have sent you.
          </p>
          <OutboxMessages
            messages={outbox.data.pages.flatMap((page) => page.data)}
            more={{
              available: outbox.hasNextPage,
              loading: outbox.isFetchingNextPage,
              load: () => void outbox.fetchNextPage(),
            }}
          />
        </>
      )}
      <p className="govuk-body">
        <Link to="/account/sessions" className="govuk-link">
          Back to your account
        </Link>
      </p>
    </>
  );
}

/** On the account page, in demo mode only: the way to the emails that were kept. */
export function DemoMessagesLink() {
  const outbox = useInfiniteQuery(myOutboxQuery);
  if (!outbox.data) return null;
  return (
    <p className="govuk-body">
      <Link to="/account/messages" className="govuk-link">
        Emails we would have sent you
      </Link>{" "}
      (demonstration: no emails are sent)
    </p>
  );
}
