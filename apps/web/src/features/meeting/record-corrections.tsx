import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/errors";
import { Button, Input, Textarea } from "../../components/govuk";

const correctionsKey = (familyId: string, meetingId: string) => [
  "families",
  familyId,
  "corrections",
  "meeting_record",
  meetingId,
];

const path = "/api/families/{familyId}/records/{recordKind}/{recordId}/corrections" as const;

/**
 * Under a held meeting's record, for staff: the corrections made to it since
 * (the record itself never changes), and — for the lead or a service manager
 * — a form to add one with its reason.
 */
export function RecordCorrections({
  familyId,
  meetingId,
}: {
  familyId: string;
  meetingId: string;
}) {
  const params = { path: { familyId, recordKind: "meeting_record" as const, recordId: meetingId } };
  const corrections = useQuery({
    queryKey: correctionsKey(familyId, meetingId),
    queryFn: () => unwrap(api.GET(path, { params })),
    retry: false,
  });
  if (!corrections.data) return null;
  const { data, abilities } = corrections.data;
  return (
    <section aria-labelledby="record-corrections-heading">
      <h3 className="govuk-heading-m" id="record-corrections-heading">
        Corrections
      </h3>
      {data.length === 0 ? (
        <p className="govuk-body">This record has not been corrected.</p>
      ) : (
        <ul className="govuk-list" data-testid="record-corrections">
          {data.map((c) => (
            <li key={c.id} className="govuk-inset-text app-pre-wrap">
              {c.words}
            </li>
          ))}
        </ul>
      )}
      {abilities.correction.create ? (
        <CorrectionForm familyId={familyId} meetingId={meetingId} />
      ) : null}
    </section>
  );
}

function CorrectionForm({ familyId, meetingId }: { familyId: string; meetingId: string }) {
  const queryClient = useQueryClient();
  const [section, setSection] = useState("");
  const [correctedText, setCorrectedText] = useState("");
  const [reason, setReason] = useState("");
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST(path, {
          params: { path: { familyId, recordKind: "meeting_record", recordId: meetingId } },
          body: { section, correctedText, reason },
        }),
      ),
    onSuccess: async () => {
      setSection("");
      setCorrectedText("");
      setReason("");
      await queryClient.invalidateQueries({ queryKey: correctionsKey(familyId, meetingId) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <h4 className="govuk-heading-s">Correct this record</h4>
      <p className="govuk-body">
        The record stays as it was; your correction and its reason are shown beneath it.
      </p>
      {save.error ? (
        <p className="govuk-error-message">
          {isApiError(save.error) ? save.error.message : "The correction was not saved."}
        </p>
      ) : null}
      <Input
        id="correction-section"
        label="Which part is wrong"
        hint="For example, Decisions"
        value={section}
        onChange={setSection}
      />
      <Textarea
        id="correction-text"
        label="What it should say"
        value={correctedText}
        onChange={setCorrectedText}
      />
      <Textarea
        id="correction-reason"
        label="Why it was wrong"
        value={reason}
        onChange={setReason}
      />
      <Button type="submit" disabled={save.isPending}>
        Add the correction
      </Button>
    </form>
  );
}
