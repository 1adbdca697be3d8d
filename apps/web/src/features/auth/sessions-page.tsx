import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, unwrap } from "../../api/client";
import type { MySession } from "../../api/types";
import { meQuery } from "../../app/session";
import {
  Button,
  ErrorSummary,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
} from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { DemoMessagesLink } from "../notices/my-messages-page";

const sessionsQuery = {
  queryKey: ["me", "sessions"],
  queryFn: async () => (await unwrap(api.GET("/api/me/sessions"))).data,
};

/** "Firefox on Windows" would need a parser; the raw string, shortened, is honest enough. */
function device(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  return userAgent.length > 80 ? `${userAgent.slice(0, 77)}…` : userAgent;
}

export function SessionsPage() {
  usePageTitle("Your account");
  const me = useQuery(meQuery);
  const sessions = useQuery(sessionsQuery);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
  const endOne = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/me/sessions/{sessionId}", { params: { path: { sessionId: id } } })),
    onSuccess: refresh,
  });
  const endOthers = useMutation({
    mutationFn: () => unwrap(api.POST("/api/me/sessions/revoke-others", { body: {} })),
    onSuccess: refresh,
  });
  const failure = endOne.error ?? endOthers.error;
  return (
    <>
      {failure ? <ErrorSummary errors={[{ text: failure.message }]} /> : null}
      {endOthers.data ? (
        <NotificationBanner
          type="success"
          focus
          heading={`You signed out of ${endOthers.data.data.revoked} other ${endOthers.data.data.revoked === 1 ? "session" : "sessions"}`}
        />
      ) : null}
      <h1 className="govuk-heading-l">Your account</h1>
      {me.data ? (
        <SummaryList
          rows={[
            { key: "Name", value: me.data.data.displayName },
            { key: "Email address", value: me.data.data.email },
            ...(me.data.data.agency ? [{ key: "Agency", value: me.data.data.agency.name }] : []),
            {
              key: "Two-step verification",
              value: me.data.data.totpEnabled ? (
                <Tag colour="green">On</Tag>
              ) : (
                <Tag colour="grey">Off</Tag>
              ),
              action: (
                <Link to="/account/two-step-verification" className="govuk-link">
                  {me.data.data.totpEnabled ? "Change" : "Set up"}
                  <span className="govuk-visually-hidden"> two-step verification</span>
                </Link>
              ),
            },
          ]}
        />
      ) : null}
      {me.data?.abilities.my_notice_preferences.read ? (
        <p className="govuk-body">
          <Link to="/account/notifications" className="govuk-link">
            Notification settings
          </Link>{" "}
          (which notifications also come by email, such as a new sign-in to your account)
        </p>
      ) : null}
      <DemoMessagesLink />
      <h2 className="govuk-heading-m">Where you are signed in</h2>
      <p className="govuk-body">
        If you see a session you do not recognise, end it and tell your administrator.
      </p>
      {sessions.isPending ? <Loading /> : null}
      {sessions.error ? <LoadFailed error={sessions.error} /> : null}
      {sessions.data ? (
        <div className="app-table-scroll">
          <Table<MySession>
            caption="Your sessions"
            captionSize="s"
            rows={sessions.data}
            rowKey={(s) => s.id}
            columns={[
              { header: "Signed in", cell: (s) => formatDateTime(s.createdAt) },
              { header: "Last active", cell: (s) => formatDateTime(s.lastSeenAt) },
              { header: "Device", cell: (s) => device(s.userAgent) },
              {
                header: "How",
                cell: (s) => (s.singleSignOn ? "Council sign-in" : "Password"),
              },
              { header: "IP address", cell: (s) => s.ip ?? "Not known" },
              {
                header: "Action",
                cell: (s) =>
                  s.current ? (
                    <Tag colour="blue">This session</Tag>
                  ) : (
                    <Button
                      variant="secondary"
                      inline
                      disabled={endOne.isPending}
                      onClick={() => endOne.mutate(s.id)}
                    >
                      End session
                      <span className="govuk-visually-hidden">
                        {" "}
                        started {formatDateTime(s.createdAt)}
                      </span>
                    </Button>
                  ),
              },
            ]}
          />
        </div>
      ) : null}
      {sessions.data && sessions.data.length > 1 ? (
        <Button variant="warning" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
          Sign out of all other sessions
        </Button>
      ) : null}
    </>
  );
}
