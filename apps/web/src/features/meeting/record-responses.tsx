import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, ErrorSummary, Radios, Textarea } from "../../components/govuk";
import { formatDateTime, formatDay } from "../../lib/dates";
import { useHashTarget } from "../../lib/use-hash-target";
import { type MeetingRecordData, meetingRecordKey } from "./meeting-queries";

type Answer = "" | "confirmed" | "commented";

/**
 * Under the record: what the attendees said of it, and — for someone who was
 * there, within the week — a form to confirm it or comment. The record itself
 * never changes; each answer is added below it.
 */
export function RecordResponses({
  familyId,
  meetingId,
  record,
}: {
  familyId: string;
  meetingId: string;
  record: MeetingRecordData;
}) {
  const { responses } = record;
  // The notice asking for a response links here (`#record-response`).
  useHashTarget(true);
  return (
    <section aria-labelledby="record-response-heading" id="record-response" tabIndex={-1}>
      <h3 className="govuk-heading-m" id="record-response-heading">
        Is this record right?
      </h3>
      {responses.entries.length === 0 ? (
        <p className="govuk-body">Nobody has confirmed or commented on this record yet.</p>
      ) : (
        <ul className="govuk-list" data-testid="record-responses">
          {responses.entries.map((e) => (
            <li key={e.id} className="govuk-!-margin-bottom-3">
              {e.kind === "confirmed" ? (
                <>
                  {e.name} confirmed it is right, on {formatDateTime(e.respondedAt)}.
                </>
              ) : (
                <>
                  {e.name} commented on {formatDateTime(e.respondedAt)}:
                  <p className="govuk-inset-text govuk-!-margin-top-1 govuk-!-margin-bottom-0 app-pre-wrap">
                    {e.comment}
                  </p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {responses.mine.mayRespond ? (
        <ResponseForm familyId={familyId} meetingId={meetingId} record={record} />
      ) : !responses.open && record.attendance.length > 0 ? (
        <p className="govuk-body" data-testid="response-closed">
          The time to confirm or comment on this record has passed. It closed on{" "}
          {formatDay(responses.respondBy)}.
        </p>
      ) : null}
    </section>
  );
}

function ResponseForm({
  familyId,
  meetingId,
  record,
}: {
  familyId: string;
  meetingId: string;
  record: MeetingRecordData;
}) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState<Answer>("");
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const { confirmed } = record.responses.mine;
  const respond = useMutation({
    mutationFn: (body: { kind: "confirmed" } | { kind: "commented"; comment: string }) =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings/{meetingId}/record/responses", {
          params: { path: { familyId, meetingId } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingRecordKey(familyId, meetingId), saved);
      setAnswer("");
      setComment("");
    },
  });
  const submit = () => {
    const chosen: Answer = confirmed ? "commented" : answer;
    if (chosen === "")
      return setProblem({ field: "record-answer", text: "Say whether the record is right" });
    if (chosen === "commented" && comment.trim() === "") {
      return setProblem({ field: "record-comment", text: "Enter your comment" });
    }
    setProblem(null);
    respond.mutate(
      chosen === "confirmed"
        ? { kind: "confirmed" }
        : { kind: "commented", comment: comment.trim() },
    );
  };
  const commentBox = (
    <Textarea
      id="record-comment"
      label={confirmed ? "Add a comment" : "What is missing or wrong?"}
      hint="Your comment is added under the record with your name. The record itself does not change."
      value={comment}
      onChange={setComment}
      maxLength={2000}
      error={problem?.field === "record-comment" ? problem.text : undefined}
    />
  );
  const errors = [
    ...(problem ? [{ text: problem.text, href: `#${problem.field}` }] : []),
    ...(respond.error ? [{ text: respond.error.message }] : []),
  ];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {errors.length > 0 ? <ErrorSummary errors={errors} /> : null}
      <p className="govuk-body">You can respond until {formatDay(record.responses.respondBy)}.</p>
      {confirmed ? (
        commentBox
      ) : (
        <Radios
          id="record-answer"
          legend="Is this record of the meeting right?"
          legendSize="s"
          value={answer}
          onChange={(v) => setAnswer(v as Answer)}
          error={problem?.field === "record-answer" ? problem.text : undefined}
          items={[
            { value: "confirmed", label: "Yes, it is right" },
            { value: "commented", label: "No, I want to add a comment", conditional: commentBox },
          ]}
        />
      )}
      <Button type="submit" disabled={respond.isPending}>
        {confirmed ? "Add comment" : "Send"}
      </Button>
    </form>
  );
}
