import { useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { Button, ErrorSummary, SummaryList, Tag } from "../../components/govuk";
import { LoadFailed } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { closureReasonLabels, outcomeAreaLabels } from "../../lib/labels";
import { membersQuery, useRefreshFamily } from "../family/family-queries";
import { ReturnForm, SignOffHistory } from "./sign-off-history";
import { type ClosureProposal, closureSignOffQuery } from "./sign-off-queries";
import { WithdrawClosure } from "./withdraw-closure";

const resultLabels = { met: "Met", partly_met: "Partly met", not_met: "Not met" } as const;

/** What the lead proposed closing would record. */
function ProposalSummary({ familyId, proposal }: { familyId: string; proposal: ClosureProposal }) {
  const members = useQuery(membersQuery(familyId));
  const nameOf = (memberId: string | null) => {
    const member = members.data?.data.find((m) => m.id === memberId);
    return member ? ` for ${member.givenName}` : "";
  };
  return (
    <SummaryList
      rows={[
        { key: "Reason", value: closureReasonLabels[proposal.reason] },
        { key: "Closing summary", value: proposal.summary },
        {
          key: "Closing scores",
          value:
            proposal.scores.length === 0 ? (
              "None"
            ) : (
              <ul className="govuk-list">
                {proposal.scores.map((s) => (
                  <li key={`${s.area}-${s.memberId ?? "family"}-${s.scoredBy}`}>
                    {outcomeAreaLabels[s.area]}
                    {nameOf(s.memberId)}: {s.score}
                  </li>
                ))}
              </ul>
            ),
        },
        {
          key: "Outcomes",
          value:
            proposal.outcomeResults.length === 0 ? (
              "None"
            ) : (
              <ul className="govuk-list">
                {proposal.outcomeResults.map((r) => (
                  <li key={r.outcomeId}>
                    {r.title}: {resultLabels[r.result]}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}

function DecideClosure({ familyId, proposal }: { familyId: string; proposal: ClosureProposal }) {
  const refresh = useRefreshFamily(familyId);
  const params = { path: { familyId, proposalId: proposal.id } };
  const approve = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/families/{familyId}/closure-proposals/{proposalId}/approve", {
          params,
          body: {},
        }),
      ),
    onSuccess: () => refresh(),
    retry: false,
  });
  return (
    <>
      {approve.error instanceof ApiError ? (
        <ErrorSummary
          title="The closure cannot be approved"
          errors={[{ text: approve.error.message }]}
        />
      ) : null}
      <Button disabled={approve.isPending} onClick={() => approve.mutate()}>
        Approve the closure
      </Button>
      <ReturnForm
        id="closure-return-comments"
        label="Or return it to the lead professional: what needs to change?"
        submit={(comments) =>
          unwrap(
            api.POST("/api/families/{familyId}/closure-proposals/{proposalId}/return", {
              params,
              body: { comments },
            }),
          )
        }
        onSuccess={refresh}
      />
    </>
  );
}

/**
 * Where closing the case stands, for staff: a closure waiting for a manager
 * (with the manager's buttons, or the lead's to withdraw it), returned with
 * comments or withdrawn by the lead, and every decision. Nothing shows while
 * no closure has been proposed, nor for one withdrawn because the case closed
 * another way (stepped up).
 */
export function ClosureSignOffPanel({ familyId }: { familyId: string }) {
  const state = useQuery(closureSignOffQuery(familyId));
  const refresh = useRefreshFamily(familyId);
  if (state.error) return <LoadFailed error={state.error} />;
  const current = state.data?.data.current;
  if (!state.data || !current) return null;
  // Withdrawn without anyone's word: the episode closed another way first.
  if (current.status === "withdrawn" && !current.decidedBy) return null;
  const { history, can } = state.data.data;
  const proposed = `Proposed by ${current.proposedBy.name} on ${formatDay(current.proposedAt)}.`;
  return (
    <section aria-labelledby="closure-sign-off" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="closure-sign-off">
        {current.status === "waiting" ? "Closure waiting for sign-off" : "Closure sign-off"}
      </h2>
      {current.status === "waiting" ? (
        <>
          <p className="govuk-body">
            {proposed} The case stays open until a manager approves the closure or returns it.
          </p>
          <ProposalSummary familyId={familyId} proposal={current} />
          {can.approve ? <DecideClosure familyId={familyId} proposal={current} /> : null}
          {can.withdraw ? (
            <WithdrawClosure familyId={familyId} proposalId={current.id} onWithdrawn={refresh} />
          ) : null}
        </>
      ) : null}
      {current.status === "withdrawn" ? (
        <p className="govuk-body">
          <Tag colour="grey">Withdrawn</Tag> {proposed} Withdrawn by {current.decidedBy?.name}
          {current.decidedAt ? ` on ${formatDay(current.decidedAt)}` : ""}.
        </p>
      ) : null}
      {current.status === "returned" ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            <Tag colour="orange">Returned</Tag> {proposed} Returned by {current.decidedBy?.name} on{" "}
            {current.decidedAt ? formatDay(current.decidedAt) : "a day not known"}.
          </p>
          <h3 className="govuk-heading-s">What the manager asked for</h3>
          <p className="govuk-body">{current.returnComments}</p>
        </div>
      ) : null}
      {current.status === "approved" ? (
        <p className="govuk-body">
          {proposed} Approved by {current.decidedBy?.name}
          {current.decidedAt ? ` on ${formatDay(current.decidedAt)}` : ""}.
        </p>
      ) : null}
      <SignOffHistory history={history} />
    </section>
  );
}
