import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Agreement } from "../../api/types";
import { Button, DateInput, Radios, Table, Tag, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, dayToTimestamp, emptyDate, formatDay } from "../../lib/dates";
import {
  agreementsQuery,
  membersQuery,
  useFamily,
  useFamilyId,
  useRefreshFamily,
} from "../family/family-queries";
import { memberName } from "./consent-queries";

export function AgreementsPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const agreements = useQuery(agreementsQuery(familyId));
  usePageTitle(`Agreement – ${family.data?.data.displayName ?? "Family"}`);
  return (
    <>
      <h1 className="govuk-heading-l">Agreement to take part</h1>
      <p className="govuk-body">
        Early Help is voluntary. Record when a parent or young person agrees to take part, or
        declines.
      </p>
      {family.data?.abilities.agreement.record ? (
        <Link
          to="/families/$familyId/agreements/new"
          params={{ familyId }}
          className="govuk-button govuk-button--secondary"
        >
          Record agreement or decline
        </Link>
      ) : null}
      {agreements.isPending ? <Loading /> : null}
      {agreements.error ? <LoadFailed error={agreements.error} /> : null}
      {agreements.data?.data.length === 0 ? (
        <p className="govuk-body">No agreement has been recorded yet.</p>
      ) : null}
      {agreements.data && agreements.data.data.length > 0 ? (
        <div className="app-table-scroll">
          <Table<Agreement>
            caption="Agreement records, newest first"
            captionSize="s"
            rows={agreements.data.data}
            rowKey={(a) => a.id}
            firstCellIsHeader
            columns={[
              { header: "Family member", cell: (a) => a.memberName },
              {
                header: "Decision",
                cell: (a) =>
                  a.agreed ? <Tag colour="green">Agreed</Tag> : <Tag colour="orange">Declined</Tag>,
              },
              { header: "Date", cell: (a) => formatDay(a.agreedAt) },
              { header: "Note", cell: (a) => a.note ?? "" },
              { header: "Recorded by", cell: (a) => a.recordedBy.displayName },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}

const fields = {
  memberId: { id: "memberId", label: "Family member" },
  agreed: { id: "agreed", label: "Decision" },
  agreedAt: { id: "agreedAt-day", label: "Date" },
  note: { id: "note", label: "Note" },
};

export function RecordAgreementPage() {
  const familyId = useFamilyId();
  const members = useQuery(membersQuery(familyId));
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [memberId, setMemberId] = useState("");
  const [agreed, setAgreed] = useState("");
  const [date, setDate] = useState(emptyDate);
  const [note, setNote] = useState("");
  const day = datePartsToIso(date);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["memberId", !memberId, "Select who made the decision"],
        ["agreed", !agreed, "Select whether they agreed or declined"],
        ["agreedAt", day === null, "Enter the date they decided, as a real date"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/agreements", {
          params: { path: { familyId } },
          body: {
            memberId,
            agreed: agreed === "yes",
            agreedAt: dayToTimestamp(day ?? ""),
            ...(note.trim() ? { note } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/agreements`, "Decision recorded");
      await navigate({ to: "/families/$familyId/agreements", params: { familyId } });
    },
  });
  usePageTitle("Record agreement or decline", form.errors !== null);
  const people = (members.data?.data ?? []).map((m) => ({
    value: m.id,
    label: memberName(m),
    hint: m.kind === "adult" ? (m.relationship ?? undefined) : "Young person",
  }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Record agreement or decline</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Radios
            id="memberId"
            legend="Who decided?"
            legendSize="m"
            hint="A parent with parental responsibility, or a young person for themselves."
            items={people}
            value={memberId}
            onChange={setMemberId}
            error={form.fieldError("memberId")}
          />
          <Radios
            id="agreed"
            legend="Did they agree to take part in Early Help?"
            legendSize="m"
            inline
            items={[
              { value: "yes", label: "Agreed" },
              { value: "no", label: "Declined" },
            ]}
            value={agreed}
            onChange={setAgreed}
            error={form.fieldError("agreed")}
          />
          <DateInput
            id="agreedAt"
            legend="When did they decide?"
            legendSize="m"
            hint="For example, 14 11 2026"
            value={date}
            onChange={setDate}
            error={form.fieldError("agreedAt")}
          />
          <Textarea
            id="note"
            label="Note (optional)"
            labelClassName="govuk-label--m"
            rows={3}
            value={note}
            onChange={setNote}
            error={form.fieldError("note")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Save
            </Button>
            <Link to="/families/$familyId/agreements" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
