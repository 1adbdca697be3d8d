import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/errors";
import type { components } from "../../api/schema";
import { Button, SummaryCard, SummaryList, Tag, Textarea } from "../../components/govuk";
import { LoadFailed } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { CorrectionFields } from "./correction-fields";
import { correctionRequestsKey, correctionRequestsQuery } from "./correction-request-queries";

type CorrectionRequest = components["schemas"]["CorrectionRequest"];

const statusTags: Record<
  CorrectionRequest["status"],
  { words: string; colour: "blue" | "green" | "grey" }
> = {
  pending: { words: "Waiting", colour: "blue" },
  accepted: { words: "Corrected", colour: "green" },
  declined: { words: "Not changed", colour: "grey" },
};

/**
 * Requests for corrections: for the lead and service managers every request of
 * the family, waiting ones first with the count in the heading, each accepted
 * (a correction is added beneath the record) or declined with a reason; for a
 * family member their own requests and what was decided.
 */
export function CorrectionRequestsPanel({ familyId }: { familyId: string }) {
  const requests = useQuery(correctionRequestsQuery(familyId));
  if (requests.error) return <LoadFailed error={requests.error} />;
  if (!requests.data) return null;
  const { data, pending, abilities } = requests.data;
  const deciding = abilities.correction_request.decide;
  if (data.length === 0 && !deciding) return null;
  return (
    <section aria-labelledby="correction-requests-heading">
      <h2 className="govuk-heading-m" id="correction-requests-heading">
        {deciding ? "Requests for corrections" : "Your requests for corrections"}
        {deciding && pending > 0 ? (
          <>
            {" "}
            <Tag colour="blue">{pending} waiting</Tag>
          </>
        ) : null}
      </h2>
      {data.length === 0 ? (
        <p className="govuk-body">Nobody in the family has asked for a correction.</p>
      ) : null}
      {data.map((request) => (
        <PartBoundary key={request.id} what="this request">
          <RequestCard request={request} familyId={familyId} deciding={deciding} />
        </PartBoundary>
      ))}
    </section>
  );
}

function RequestCard({
  request,
  familyId,
  deciding,
}: {
  request: CorrectionRequest;
  familyId: string;
  deciding: boolean;
}) {
  const tag = statusTags[request.status];
  const rows = [
    { key: "Status", value: <Tag colour={tag.colour}>{tag.words}</Tag> },
    {
      key: "Asked",
      value: `${formatDay(request.requestedAt)} by ${request.requestedBy.name}`,
    },
    { key: "What is wrong", value: request.whatIsWrong },
    { key: "What it should say", value: request.shouldSay },
  ];
  if (request.decidedBy && request.decidedAt) {
    rows.push({
      key: "Decided",
      value: `${formatDay(request.decidedAt)} by ${request.decidedBy.name}`,
    });
  }
  if (request.declineReason) rows.push({ key: "Why not", value: request.declineReason });
  return (
    <SummaryCard title={`About the ${request.recordWords}`}>
      <SummaryList rows={rows} />
      {deciding && request.status === "pending" ? (
        <DecideRequest request={request} familyId={familyId} />
      ) : null}
    </SummaryCard>
  );
}

function DecideRequest({ request, familyId }: { request: CorrectionRequest; familyId: string }) {
  const queryClient = useQueryClient();
  const [section, setSection] = useState("");
  const [correctedText, setCorrectedText] = useState(request.shouldSay);
  const [reason, setReason] = useState("");
  const [declineReason, setDeclineReason] = useState("");
  const params = { path: { familyId, requestId: request.id } };
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: correctionRequestsKey(familyId) });
    // The record's own corrections, wherever they are shown.
    await queryClient.invalidateQueries({ queryKey: ["families", familyId, "corrections"] });
  };
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/families/{familyId}/correction-requests/{requestId}/accept", {
          params,
          body: { section, correctedText, reason },
        }),
      ),
    onSuccess: done,
  });
  const decline = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/families/{familyId}/correction-requests/{requestId}/decline", {
          params,
          body: { reason: declineReason },
        }),
      ),
    onSuccess: done,
  });
  const failed = accept.error ?? decline.error;
  const prefix = `request-${request.id}`;
  const submit = (run: () => void) => (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  return (
    <>
      {failed ? (
        <p className="govuk-error-message">
          {isApiError(failed) ? failed.message : "The decision was not saved."}
        </p>
      ) : null}
      <form onSubmit={submit(() => accept.mutate())} noValidate>
        <h3 className="govuk-heading-s">Correct the record</h3>
        <CorrectionFields
          prefix={prefix}
          section={section}
          onSection={setSection}
          correctedText={correctedText}
          onCorrectedText={setCorrectedText}
          reason={reason}
          onReason={setReason}
        />
        <Button type="submit" disabled={accept.isPending}>
          Add the correction
        </Button>
      </form>
      <form onSubmit={submit(() => decline.mutate())} noValidate>
        <h3 className="govuk-heading-s">Or leave the record as it is</h3>
        <Textarea
          id={`${prefix}-decline`}
          label="Why the record stays as it is"
          hint="The family member reads this."
          value={declineReason}
          onChange={setDeclineReason}
        />
        <Button type="submit" variant="secondary" disabled={decline.isPending}>
          Decline the request
        </Button>
      </form>
    </>
  );
}
