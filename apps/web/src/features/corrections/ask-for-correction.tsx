import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/errors";
import { Button, Details, Textarea } from "../../components/govuk";
import { familyQuery } from "../family/family-queries";
import { correctionRequestsKey } from "./correction-request-queries";
import type { CorrectionRecordKind } from "./record-corrections";

const path =
  "/api/families/{familyId}/records/{recordKind}/{recordId}/correction-requests" as const;

/**
 * Beneath a closed record a family member can see: "Something wrong in this
 * record?" — what is wrong and what it should say, sent to the lead
 * professional. Shown only where the abilities allow asking.
 */
export function AskForCorrection(record: {
  familyId: string;
  recordKind: CorrectionRecordKind;
  recordId: string;
}) {
  const family = useQuery(familyQuery(record.familyId));
  if (!family.data?.abilities.correction_request.create) return null;
  return (
    <Details summary="Something wrong in this record? Ask for a correction">
      <AskForm record={record} />
    </Details>
  );
}

function AskForm({
  record,
}: {
  record: { familyId: string; recordKind: CorrectionRecordKind; recordId: string };
}) {
  const queryClient = useQueryClient();
  const [whatIsWrong, setWhatIsWrong] = useState("");
  const [shouldSay, setShouldSay] = useState("");
  const ask = useMutation({
    mutationFn: () =>
      unwrap(api.POST(path, { params: { path: record }, body: { whatIsWrong, shouldSay } })),
    onSuccess: async () => {
      setWhatIsWrong("");
      setShouldSay("");
      await queryClient.invalidateQueries({ queryKey: correctionRequestsKey(record.familyId) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  const prefix = `ask-${record.recordKind}-${record.recordId}`;
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="govuk-body">
        The record stays as it was written. Your lead professional will read your request and either
        add a correction beneath the record or tell you why not.
      </p>
      {ask.isSuccess ? (
        <p className="govuk-body" role="status">
          Your request has been sent. You will see the answer under “Your requests for corrections”.
        </p>
      ) : null}
      {ask.error ? (
        <p className="govuk-error-message">
          {isApiError(ask.error) ? ask.error.message : "Your request was not sent."}
        </p>
      ) : null}
      <Textarea
        id={`${prefix}-wrong`}
        label="What is wrong"
        value={whatIsWrong}
        onChange={setWhatIsWrong}
      />
      <Textarea
        id={`${prefix}-should-say`}
        label="What it should say"
        value={shouldSay}
        onChange={setShouldSay}
      />
      <Button type="submit" disabled={ask.isPending}>
        Send the request
      </Button>
    </form>
  );
}
