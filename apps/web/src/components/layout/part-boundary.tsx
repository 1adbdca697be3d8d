import { Component, type ErrorInfo, type ReactNode } from "react";

export interface PartBoundaryProps {
  /** What the part is, for the message: "this editor", "this person". */
  what: string;
  /** Inside a sentence or a list item: a short inline message instead of a box. */
  inline?: boolean;
  children: ReactNode;
}

/**
 * One part of a page that failed to render — an editor, one person in a
 * presence list — shows an error in its own place; the rest of the page
 * stays usable. Live content comes from other people's browsers, so one
 * unexpected value must never take the whole page down.
 */
export class PartBoundary extends Component<PartBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The message only: live content may be case text, which must not reach a log.
    console.error(`${this.props.what} could not be shown: ${error.name}`, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return this.props.inline ? (
      <span className="govuk-error-message app-part-failed" data-testid="part-failed">
        ({this.props.what} could not be shown. <ReloadLink />)
      </span>
    ) : (
      <div className="govuk-error-summary app-part-failed" role="alert" data-testid="part-failed">
        <h2 className="govuk-error-summary__title">This part could not be shown</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">
            Something went wrong showing {this.props.what}. The rest of the page still works.{" "}
            <ReloadLink />
          </p>
        </div>
      </div>
    );
  }
}

/** A plain link to this page: following it reloads, with or without script. */
function ReloadLink() {
  return (
    <a className="govuk-link" href={window.location.href}>
      Reload the page
    </a>
  );
}
