import { useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { Button, Details, ErrorSummary, Tag } from "../../components/govuk";
import { LoadFailed } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { useRefreshFamily } from "../family/family-queries";
import { ReturnForm, SignOffHistory } from "./sign-off-history";
import { type PlanSignOffState, planSignOffQuery } from "./sign-off-queries";

type Submission = NonNullable<PlanSignOffState["current"]>;

const on = (iso: string | null) => (iso ? ` on ${formatDay(iso)}` : "");

/** Where the latest submission stands, in words. */
function Standing({ current, state }: { current: Submission; state: PlanSignOffState }) {
  const submitted = `Submitted by ${current.submittedBy.name}${on(current.submittedAt)}.`;
  const approved = state.lastApproved;
  switch (current.status) {
    case "waiting":
      return (
        <>
          <p className="govuk-body">
            <Tag colour="yellow">Waiting for sign-off</Tag> {submitted}
          </p>
          {current.changedSince ? (
            <p className="govuk-body">The plan has changed since it was submitted.</p>
          ) : null}
          {approved ? (
            <p className="govuk-body">
              Last approved{on(approved.decidedAt)}
              {approved.changedSince ? "; the plan has changed since." : "."}
            </p>
          ) : null}
        </>
      );
    case "approved":
      return (
        <p className="govuk-body">
          <Tag colour="green">Approved</Tag>{" "}
          {current.changedSince ? <Tag colour="orange">Changed since approved</Tag> : null} Approved
          by {current.decidedBy?.name}
          {on(current.decidedAt)}. {submitted}
        </p>
      );
    case "returned":
      return (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            <Tag colour="orange">Returned</Tag> {submitted} Returned by {current.decidedBy?.name}
            {on(current.decidedAt)}.
          </p>
          <h3 className="govuk-heading-s">What the manager asked for</h3>
          <p className="govuk-body">{current.returnComments}</p>
        </div>
      );
    case "withdrawn":
      return <p className="govuk-body">{submitted} Withdrawn when the case closed.</p>;
  }
}

/** The plan as submitted: each outcome with its actions. */
function SubmittedPlan({ current }: { current: Submission }) {
  const { outcomes, actions } = current.plan;
  return (
    <Details summary="The plan as submitted">
      {outcomes.map((o) => (
        <div key={o.id}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{o.title}</h3>
          <p className="govuk-body-s">
            {o.measure} (by {formatDay(o.targetDate)})
          </p>
          <ul className="govuk-list govuk-list--bullet govuk-body-s">
            {actions
              .filter((a) => a.outcomeId === o.id)
              .map((a) => (
                <li key={a.id}>
                  {a.text}: {a.owners.join(", ") || "nobody yet"}, by {formatDay(a.dueDate)}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </Details>
  );
}

function Steps({ familyId, state }: { familyId: string; state: PlanSignOffState }) {
  const refresh = useRefreshFamily(familyId);
  const current = state.current;
  const step = useMutation({
    mutationFn: (name: "submit" | "approve") => {
      if (name === "submit" || !current) {
        return unwrap(
          api.POST("/api/families/{familyId}/plan-sign-offs", {
            params: { path: { familyId } },
            body: {},
          }),
        );
      }
      return unwrap(
        api.POST("/api/families/{familyId}/plan-sign-offs/{signOffId}/approve", {
          params: { path: { familyId, signOffId: current.id } },
          body: {},
        }),
      );
    },
    onSuccess: () => refresh(),
    retry: false,
  });
  const { can } = state;
  if (!can.submit && !can.approve) return null;
  return (
    <>
      {step.error instanceof ApiError ? (
        <ErrorSummary title="The plan cannot move on yet" errors={[{ text: step.error.message }]} />
      ) : null}
      <div className="govuk-button-group">
        {can.submit ? (
          <Button disabled={step.isPending} onClick={() => step.mutate("submit")}>
            {current ? "Submit the plan for sign-off again" : "Submit the plan for sign-off"}
          </Button>
        ) : null}
        {can.approve ? (
          <Button disabled={step.isPending} onClick={() => step.mutate("approve")}>
            Approve the plan
          </Button>
        ) : null}
      </div>
      {can.return && current ? (
        <ReturnForm
          id="plan-return-comments"
          label="Or return it to the lead professional: what needs to change?"
          submit={(comments) =>
            unwrap(
              api.POST("/api/families/{familyId}/plan-sign-offs/{signOffId}/return", {
                params: { path: { familyId, signOffId: current.id } },
                body: { comments },
              }),
            )
          }
          onSuccess={refresh}
        />
      ) : null}
    </>
  );
}

/**
 * The plan's sign-off, for staff, where the authority asks for it (or asked
 * before): the latest submission's state, whether the plan changed since, the
 * lead's and the manager's buttons, and every decision.
 */
export function PlanSignOffPanel({ familyId }: { familyId: string }) {
  const query = useQuery(planSignOffQuery(familyId));
  if (query.error) return <LoadFailed error={query.error} />;
  const state = query.data?.data;
  if (!state || (!state.signOffRequired && !state.current)) return null;
  return (
    <section aria-labelledby="plan-sign-off" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="plan-sign-off">
        Manager's sign-off of the plan
      </h2>
      {state.current ? (
        <>
          <Standing current={state.current} state={state} />
          <SubmittedPlan current={state.current} />
        </>
      ) : (
        <p className="govuk-body">The plan has not been submitted for sign-off yet.</p>
      )}
      <Steps familyId={familyId} state={state} />
      <SignOffHistory history={state.history} />
    </section>
  );
}
