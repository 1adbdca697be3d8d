import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { Button, ErrorSummary } from "../../components/govuk";
import { familyKey } from "../family/family-queries";

export interface ActionStatusButtonProps {
  familyId: string;
  action: { id: string; text: string; status: "open" | "done" | "dropped"; version: number };
  /** Words for the button; the action's text is added for screen readers */
  doneLabel?: string;
  reopenLabel?: string;
}

/**
 * Marks an action done (or open again) with the version that was read. If
 * someone changed it meanwhile the API answers 409 and nothing is overwritten.
 */
export function ActionStatusButton({
  familyId,
  action,
  doneLabel = "Mark as done",
  reopenLabel = "Mark as not done",
}: ActionStatusButtonProps) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: familyKey(familyId) }),
      queryClient.invalidateQueries({ queryKey: ["my"] }),
      queryClient.invalidateQueries({ queryKey: ["families"] }),
    ]);
  const next = action.status === "done" ? "open" : "done";
  const mutation = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/families/{familyId}/actions/{actionId}", {
          params: { path: { familyId, actionId: action.id } },
          body: { version: action.version, status: next },
        }),
      ),
    onSuccess: refresh,
  });
  if (action.status === "dropped") return null;
  const error = mutation.error;
  const stale = error instanceof ApiError && error.isStaleVersion;
  return (
    <>
      {error && stale ? (
        <ErrorSummary title="Someone else changed this action" errors={[]}>
          <p className="govuk-body">
            Nothing was saved. Reload to see the latest version, then try again.
          </p>
          <Button
            variant="secondary"
            onClick={async () => {
              mutation.reset();
              await refresh();
            }}
          >
            Reload the latest version
          </Button>
        </ErrorSummary>
      ) : null}
      {error && !stale ? <ErrorSummary errors={[{ text: error.message }]} /> : null}
      <Button
        variant="secondary"
        inline
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {next === "done" ? doneLabel : reopenLabel}
        <span className="govuk-visually-hidden">: {action.text}</span>
      </Button>
    </>
  );
}
