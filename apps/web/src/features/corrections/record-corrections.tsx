import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/errors";
import { Button } from "../../components/govuk";
import { CorrectionFields } from "./correction-fields";

export type CorrectionRecordKind = "assessment" | "review" | "closure" | "meeting_record";

interface RecordRef {
  familyId: string;
  recordKind: CorrectionRecordKind;
  recordId: string;
}

const correctionsKey = ({ familyId, recordKind, recordId }: RecordRef) => [
  "families",
  familyId,
  "corrections",
  recordKind,
  recordId,
];

const path = "/api/families/{familyId}/records/{recordKind}/{recordId}/corrections" as const;

const sectionHints: Record<CorrectionRecordKind, string> = {
  assessment: "For example, Worries",
  review: "For example, Decision",
  closure: "For example, Closing summary",
  meeting_record: "For example, Decisions",
};

/**
 * Under a closed record (an assessment, a review, a closure, a held meeting's
 * record), for staff: the corrections made to it since (the record itself
 * never changes), and — where the abilities allow — a form to add one with its
 * reason. Show it only once the record is closed: the API refuses corrections
 * to an open record.
 */
export function RecordCorrections({
  familyId,
  recordKind,
  recordId,
  headingLevel = 3,
}: RecordRef & { headingLevel?: 2 | 3 }) {
  const record = { familyId, recordKind, recordId };
  const params = { path: record };
  const corrections = useQuery({
    queryKey: correctionsKey(record),
    queryFn: () => unwrap(api.GET(path, { params })),
    retry: false,
  });
  if (!corrections.data) return null;
  const { data, abilities } = corrections.data;
  // Several closed records (e.g. episodes) may sit on one page: ids name the record.
  const prefix = `correction-${recordKind}-${recordId}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <Heading className="govuk-heading-m" id={`${prefix}-heading`}>
        Corrections
      </Heading>
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
      {abilities.correction.create ? <CorrectionForm record={record} prefix={prefix} /> : null}
    </section>
  );
}

function CorrectionForm({ record, prefix }: { record: RecordRef; prefix: string }) {
  const queryClient = useQueryClient();
  const [section, setSection] = useState("");
  const [correctedText, setCorrectedText] = useState("");
  const [reason, setReason] = useState("");
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST(path, {
          params: { path: record },
          body: { section, correctedText, reason },
        }),
      ),
    onSuccess: async () => {
      setSection("");
      setCorrectedText("");
      setReason("");
      await queryClient.invalidateQueries({ queryKey: correctionsKey(record) });
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
      <CorrectionFields
        prefix={prefix}
        sectionHint={sectionHints[record.recordKind]}
        section={section}
        onSection={setSection}
        correctedText={correctedText}
        onCorrectedText={setCorrectedText}
        reason={reason}
        onReason={setReason}
      />
      <Button type="submit" disabled={save.isPending}>
        Add the correction
      </Button>
    </form>
  );
}
