import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, unwrap } from "../../api/client";
import type { InAppNotification } from "../../api/types";
import { Button, ErrorSummary, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDateTime } from "../../lib/dates";
import { notificationsKey, notificationsQuery, unreadCountQuery } from "./notification-queries";

/** My in-app notices: what happened, a link to it while it is still mine to see, read marks. */
export function NotificationsPage() {
  usePageTitle("Notifications");
  const list = useInfiniteQuery(notificationsQuery);
  const queryClient = useQueryClient();
  const settle = async (result: { data: { unreadCount: number } }) => {
    queryClient.setQueryData(unreadCountQuery.queryKey, result.data.unreadCount);
    await queryClient.invalidateQueries({ queryKey: [...notificationsKey, "list"] });
  };
  const readOne = useMutation({
    mutationFn: (noticeId: string) =>
      unwrap(
        api.POST("/api/me/notifications/{noticeId}/read", {
          params: { path: { noticeId } },
          body: {},
        }),
      ),
    onSuccess: settle,
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST("/api/me/notifications/read-all", { body: {} })),
    onSuccess: settle,
  });
  if (list.isPending) return <Loading />;
  if (list.error) return <LoadFailed error={list.error} />;
  const notices = list.data.pages.flatMap((page) => page.data);
  const unread = list.data.pages[0]?.unreadCount ?? 0;
  const failure = readOne.error ?? readAll.error;
  return (
    <>
      {failure ? <ErrorSummary errors={[{ text: failure.message }]} /> : null}
      <h1 className="govuk-heading-l">Notifications</h1>
      <p className="govuk-body">
        {unread === 0
          ? "You have no unread notifications."
          : `You have ${unread} unread ${unread === 1 ? "notification" : "notifications"}.`}
      </p>
      {unread > 0 ? (
        <Button variant="secondary" disabled={readAll.isPending} onClick={() => readAll.mutate()}>
          Mark all as read
        </Button>
      ) : null}
      {notices.length === 0 ? (
        <p className="govuk-body">Nothing has been sent to you here yet.</p>
      ) : (
        <ul className="govuk-list app-notifications">
          {notices.map((notice) => (
            <NotificationItem
              key={notice.id}
              notice={notice}
              busy={readOne.isPending}
              markRead={() => readOne.mutate(notice.id)}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <Button
          variant="secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Show older notifications
        </Button>
      ) : null}
      <p className="govuk-body">
        <Link to="/account/notifications" className="govuk-link">
          Choose which notifications you get by email
        </Link>
      </p>
    </>
  );
}

/** Notices about a request for help, which is not a family's (the asker may never see one). */
const requestKinds = new Set<string>(["help_request_received", "help_request_outcome"]);

function NotificationItem({
  notice,
  busy,
  markRead,
}: {
  notice: InAppNotification;
  busy: boolean;
  markRead: () => void;
}) {
  const [path, hash] = (notice.link ?? "").split("#");
  return (
    <li className="app-notifications__item">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
        {notice.read ? null : (
          <>
            <Tag colour="blue">New</Tag>{" "}
          </>
        )}
        {notice.link && path ? (
          <Link
            to={path}
            hash={hash}
            className="govuk-link"
            onClick={() => {
              if (!notice.read) markRead();
            }}
          >
            {notice.title}
          </Link>
        ) : (
          notice.title
        )}
      </h2>
      {notice.summary ? (
        <p className="govuk-body govuk-!-margin-bottom-1">{notice.summary}</p>
      ) : null}
      {notice.familyName ? (
        <p className="govuk-body govuk-!-margin-bottom-1">
          {notice.familyName}
          {notice.actionText ? `: ${notice.actionText}` : null}
        </p>
      ) : null}
      {notice.accessEnded ? (
        <p className="govuk-body govuk-!-margin-bottom-1">
          {requestKinds.has(notice.kind)
            ? "You can no longer see the request this was about."
            : "You can no longer see the family this was about."}
        </p>
      ) : null}
      <p className="govuk-body-s govuk-!-margin-bottom-2">{formatDateTime(notice.createdAt)}</p>
      {notice.read ? null : (
        <Button variant="secondary" inline disabled={busy} onClick={markRead}>
          Mark as read<span className="govuk-visually-hidden">: {notice.title}</span>
        </Button>
      )}
    </li>
  );
}
