import { isApiError } from "../../api/errors";

/** What a page shows while its data loads. */
export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="govuk-body" role="status">
      {what}…
    </p>
  );
}

/** What a page shows when its data could not be read. */
export function LoadFailed({ error }: { error: unknown }) {
  const notFound = isApiError(error) && error.status === 404;
  const forbidden = isApiError(error) && error.status === 403;
  const text = notFound
    ? "We could not find this. It may have been removed, or you may not be part of this family's team."
    : forbidden
      ? "You do not have permission to see this."
      : isApiError(error)
        ? error.message
        : "Something went wrong. Try again.";
  return (
    <div className="govuk-inset-text" role="alert">
      {text}
    </div>
  );
}
