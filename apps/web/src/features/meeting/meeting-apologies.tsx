import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { Button, ErrorSummary, Input, Select } from "../../components/govuk";
import { familyKey } from "../family/family-queries";

type Schemas = components["schemas"];
type MeetingDetail = Schemas["MeetingDetail"];

/**
 * Who cannot come, and — for the chair, before or during the meeting — a way
 * to record someone's apologies with a reason. The reasons are the team's:
 * the family sees only who sent apologies.
 */
export function MeetingApologies({
  familyId,
  meeting,
  canRecord,
}: {
  familyId: string;
  meeting: MeetingDetail;
  canRecord: boolean;
}) {
  const { apologies } = meeting;
  if (!canRecord && apologies.length === 0) return null;
  return (
    <section aria-labelledby="apologies" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="apologies">
        Apologies
      </h2>
      {apologies.length === 0 ? (
        <p className="govuk-body">Nobody has sent apologies.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-testid="apologies-list">
          {apologies.map((a) => (
            <li key={a.id}>
              {a.agencyName ? `${a.name} (${a.agencyName})` : a.name}
              {a.reason ? `: ${a.reason}` : ""}
            </li>
          ))}
        </ul>
      )}
      {canRecord ? <ApologyForm familyId={familyId} meeting={meeting} /> : null}
    </section>
  );
}

function ApologyForm({ familyId, meeting }: { familyId: string; meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const [who, setWho] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const sent = new Set(meeting.apologies.map((a) => a.name));
  const options = meeting.invitees
    .filter((i) => !(i.kind === "practitioner" && i.userId === meeting.chair.userId))
    .filter((i) => !sent.has(i.name))
    .map((i) => ({
      value: i.kind === "practitioner" ? `practitioner:${i.userId}` : `family_member:${i.memberId}`,
      label: i.name,
    }));
  const record = useMutation({
    mutationFn: (body: Schemas["RecordApologyBody"]) =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings/{meetingId}/apologies", {
          params: { path: { familyId, meetingId: meeting.id } },
          body,
        }),
      ),
    onSuccess: async () => {
      setWho("");
      setReason("");
      await queryClient.invalidateQueries({ queryKey: familyKey(familyId) });
    },
  });
  if (options.length === 0) return null;
  const submit = () => {
    const [kind, id] = who.split(":");
    if (!id) return setProblem({ field: "apology-person", text: "Choose who cannot come" });
    if (reason.trim() === "")
      return setProblem({ field: "apology-reason", text: "Enter why they cannot come" });
    setProblem(null);
    const person =
      kind === "practitioner"
        ? { kind: "practitioner" as const, userId: id }
        : { kind: "family_member" as const, memberId: id };
    record.mutate({ person, reason: reason.trim() });
  };
  const errors = [
    ...(problem ? [{ text: problem.text, href: `#${problem.field}` }] : []),
    ...(record.error ? [{ text: record.error.message }] : []),
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
      <Select
        id="apology-person"
        label="Who cannot come"
        value={who}
        onChange={setWho}
        options={[{ value: "", label: "Choose someone invited" }, ...options]}
        error={problem?.field === "apology-person" ? problem.text : undefined}
      />
      <Input
        id="apology-reason"
        label="Why"
        hint="A few words, for the team. The family sees only who sent apologies."
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={problem?.field === "apology-reason" ? problem.text : undefined}
      />
      <Button type="submit" variant="secondary" disabled={record.isPending}>
        Record apologies
      </Button>
    </form>
  );
}
