import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { unreadCountQuery } from "./notification-queries";

/** "Notifications" in the header, with the unread count when there is one. */
export function NotificationsNavLabel() {
  const count = useQuery(unreadCountQuery).data ?? 0;
  return (
    <>
      Notifications
      {count > 0 ? (
        <span className="app-notification-count" data-testid="unread-count">
          {count > 99 ? "99+" : count}
          <span className="govuk-visually-hidden"> unread</span>
        </span>
      ) : null}
    </>
  );
}

/**
 * Says, to screen readers, that a notice arrived while the page was open (the
 * count changing inside a link is not announced by itself). Never on the
 * first count, nor when it falls.
 */
export function NewNotificationAnnouncer() {
  const count = useQuery(unreadCountQuery).data;
  const previous = useRef<number | undefined>(undefined);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (count === undefined) return;
    if (previous.current !== undefined && count > previous.current) {
      setMessage(
        count === 1 ? "You have 1 unread notification." : `You have ${count} unread notifications.`,
      );
    }
    previous.current = count;
  }, [count]);
  return (
    <div className="govuk-visually-hidden" role="status">
      {message}
    </div>
  );
}
