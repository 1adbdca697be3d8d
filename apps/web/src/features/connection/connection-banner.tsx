import { useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { clearRefusals, useLiveConnections } from "./live-connections";

/**
 * One banner for every live connection on the page: "reconnecting" while any
 * that was up is being retried (edits are kept in memory and sent once it is
 * back), "not saved yet" while a document's edits have waited a while for the
 * server's "stored" acknowledgement, and why, when the server closed one for good.
 */
export function ConnectionBanner() {
  const { reconnecting, unsaved, refusals } = useLiveConnections();
  useClearRefusalsOnNavigate();
  if (refusals.length > 0) {
    return (
      <div
        className="govuk-notification-banner app-connection-banner app-connection-banner--refused"
        role="alert"
        aria-labelledby="connection-banner-title"
        data-testid="connection-refused"
      >
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="connection-banner-title">
            Access ended
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          {refusals.map((r) => (
            <p className="govuk-notification-banner__heading" key={r.message}>
              {r.message}
            </p>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      className="app-connection-banner"
    >
      {reconnecting ? (
        <div className="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="connection-banner-title">
              Connection lost
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Reconnecting… your changes are kept and will be sent.
            </p>
          </div>
        </div>
      ) : unsaved ? (
        <div className="govuk-notification-banner" data-testid="changes-not-saved">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="connection-banner-title">
              Not saved yet
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              The server cannot store your latest changes at the moment. Keep this page open: they
              are kept and will be saved when it can.
            </p>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function useClearRefusalsOnNavigate() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    clearRefusals();
  }, [pathname]);
}
