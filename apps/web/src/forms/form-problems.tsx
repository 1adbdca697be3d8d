import { Button, ErrorSummary } from "../components/govuk";
import type { ApiForm } from "./use-api-form";

export interface FormProblemsProps {
  form: Pick<ApiForm<never, unknown>, "errors" | "stale">;
  /** Fetches the latest version (and resets the form to it) */
  onReload?: () => void;
}

/**
 * The top of every form: the GOV.UK error summary, or — when someone else
 * changed the record first — a notice that nothing was saved, with a reload.
 */
export function FormProblems({ form, onReload }: FormProblemsProps) {
  if (form.stale) {
    return (
      <ErrorSummary title="Someone else changed this while you were working on it" errors={[]}>
        <p className="govuk-body">
          Your changes have not been saved, so nothing of theirs was overwritten. Reload to see the
          latest version, then make your changes again.
        </p>
        {onReload ? (
          <Button variant="secondary" onClick={onReload}>
            Reload the latest version
          </Button>
        ) : null}
      </ErrorSummary>
    );
  }
  if (!form.errors || form.errors.summary.length === 0) return null;
  return <ErrorSummary errors={form.errors.summary} />;
}
