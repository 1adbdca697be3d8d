import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { InformationKind, NotToldReason } from "../../api/types";
import {
  Button,
  DateInput,
  Input,
  Radios,
  Select,
  SingleCheckbox,
  Textarea,
} from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, dayToTimestamp, emptyDate, formatDay } from "../../lib/dates";
import { informationKindLabels, lawfulBasisLabels, optionsOf } from "../../lib/labels";
import { agenciesQuery } from "../consent/consent-queries";
import { NotToldReasonRadios } from "../consent/lawful-bases-pages";
import {
  consentsQuery,
  lawfulBasesQuery,
  membersQuery,
  useFamily,
  useFamilyId,
  useRefreshFamily,
} from "../family/family-queries";
import { AudienceFields, audienceProblem, wholeFamily } from "../outcomes/audience-fields";

const fields = {
  informationKind: { id: "informationKind", label: "Kind of information" },
  summary: { id: "summary", label: "What was shared" },
  toAgencyId: { id: "toAgencyId", label: "Agency it went to" },
  toPerson: { id: "toPerson", label: "Person it went to" },
  purpose: { id: "purpose", label: "Purpose" },
  sharedAt: { id: "sharedAt-day", label: "Date shared" },
  consentId: { id: "basis", label: "Consent" },
  lawfulBasisId: { id: "basis", label: "Lawful basis" },
  familyTold: { id: "familyTold", label: "Family told" },
  notToldReason: { id: "notToldReason", label: "Why the family was not told" },
  audience: { id: "audience", label: "Who in the family can see this" },
};

/** The consents and lawful bases in force, as one choice: "consent:<id>" or "basis:<id>". */
function useBasisItems(familyId: string) {
  const family = useFamily(familyId);
  const consents = useQuery(consentsQuery(familyId));
  const bases = useQuery({
    ...lawfulBasesQuery(familyId),
    enabled: family.data?.abilities.lawful_basis.read ?? false,
  });
  const fromConsent = (consents.data?.data ?? [])
    .filter((c) => c.state === "active" || c.state === "review_due")
    .map((c) => ({
      value: `consent:${c.id}`,
      label: `Consent given by ${c.givenBy.name} on ${formatDay(c.obtainedAt)}`,
      hint: c.agencies.map((a) => a.name).join(", "),
    }));
  const fromBasis = (bases.data?.data ?? [])
    .filter((b) => b.state === "active")
    .map((b) => ({
      value: `basis:${b.id}`,
      label: lawfulBasisLabels[b.basis],
      hint: b.agencies.map((a) => a.name).join(", "),
    }));
  return [...fromConsent, ...fromBasis];
}

export function RecordSharePage() {
  const familyId = useFamilyId();
  const agencies = useQuery(agenciesQuery);
  const basisItems = useBasisItems(familyId);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [kind, setKind] = useState("");
  const [summary, setSummary] = useState("");
  const [toAgencyId, setToAgencyId] = useState("");
  const [toPerson, setToPerson] = useState("");
  const [purpose, setPurpose] = useState("");
  const [date, setDate] = useState(emptyDate);
  const [basis, setBasis] = useState("");
  const [told, setTold] = useState("");
  const [reason, setReason] = useState("");
  const [hidden, setHidden] = useState(false);
  const [audience, setAudience] = useState(wholeFamily);
  const members = useQuery(membersQuery(familyId));
  const seenByFamily = told === "yes" && !hidden;
  const day = datePartsToIso(date);
  const [basisKind, basisId = ""] = basis.split(":");
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["informationKind", !kind, "Select the kind of information"],
        ["summary", !summary.trim(), "Enter what was shared"],
        ["toAgencyId", !toAgencyId, "Select the agency it went to"],
        ["purpose", !purpose.trim(), "Enter why it was shared"],
        ["sharedAt", day === null, "Enter the date it was shared, as a real date"],
        ["consentId", !basis, "Select the consent or lawful basis it was shared under"],
        ["familyTold", !told, "Select whether the family was told"],
        ["notToldReason", told === "no" && !reason, "Select why the family was not told"],
        [
          "audience",
          seenByFamily && audienceProblem(audience) !== null,
          audienceProblem(audience) ?? "",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/sharing", {
          params: { path: { familyId } },
          body: {
            informationKind: kind as InformationKind,
            summary,
            toAgencyId,
            purpose,
            sharedAt: dayToTimestamp(day ?? ""),
            ...(toPerson.trim() ? { toPerson } : {}),
            ...(basisKind === "consent" ? { consentId: basisId } : { lawfulBasisId: basisId }),
            familyTold: told === "yes",
            ...(told === "no" ? { notToldReason: reason as NotToldReason } : {}),
            visibleToFamily: seenByFamily,
            ...(seenByFamily ? { audience } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/sharing`, "Share recorded");
      await navigate({ to: "/families/$familyId/sharing", params: { familyId } });
    },
  });
  usePageTitle("Record a share", form.errors !== null);
  const agencyOptions = [
    { value: "", label: "Choose an agency" },
    ...(agencies.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Record a share</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Select
            id="informationKind"
            label="Kind of information"
            labelClassName="govuk-label--s"
            options={optionsOf(informationKindLabels, "Choose a kind")}
            value={kind}
            onChange={setKind}
            error={form.fieldError("informationKind")}
          />
          <Textarea
            id="summary"
            label="What was shared?"
            labelClassName="govuk-label--s"
            rows={3}
            value={summary}
            onChange={setSummary}
            error={form.fieldError("summary")}
          />
          <Select
            id="toAgencyId"
            label="Which agency did it go to?"
            labelClassName="govuk-label--s"
            options={agencyOptions}
            value={toAgencyId}
            onChange={setToAgencyId}
            error={form.fieldError("toAgencyId")}
          />
          <Input
            id="toPerson"
            label="Who received it? (optional)"
            labelClassName="govuk-label--s"
            value={toPerson}
            onChange={setToPerson}
            error={form.fieldError("toPerson")}
          />
          <Textarea
            id="purpose"
            label="Why was it shared?"
            labelClassName="govuk-label--s"
            rows={3}
            value={purpose}
            onChange={setPurpose}
            error={form.fieldError("purpose")}
          />
          <DateInput
            id="sharedAt"
            legend="When was it shared?"
            legendSize="s"
            value={date}
            onChange={setDate}
            error={form.fieldError("sharedAt")}
          />
          {basisItems.length === 0 ? (
            <p className="govuk-body">
              No consent or lawful basis is in force. Record one before sharing.
            </p>
          ) : null}
          <Radios
            id="basis"
            legend="What allowed it to be shared?"
            legendSize="s"
            items={basisItems}
            value={basis}
            onChange={setBasis}
            error={form.fieldError("consentId") ?? form.fieldError("lawfulBasisId")}
          />
          <Radios
            id="familyTold"
            legend="Was the family told?"
            legendSize="s"
            items={[
              {
                value: "yes",
                label: "Yes",
                conditional: (
                  <SingleCheckbox
                    id="hidden"
                    label="Keep this entry out of the family's view"
                    checked={hidden}
                    onChange={setHidden}
                  />
                ),
              },
              {
                value: "no",
                label: "No",
                conditional: (
                  <NotToldReasonRadios
                    value={reason}
                    onChange={setReason}
                    error={form.fieldError("notToldReason")}
                  />
                ),
              },
            ]}
            value={told}
            onChange={setTold}
            error={form.fieldError("familyTold")}
          />
          {seenByFamily ? (
            <AudienceFields
              id="audience"
              value={audience}
              onChange={setAudience}
              members={members.data?.data ?? []}
              error={form.fieldError("audience")}
            />
          ) : null}
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Save
            </Button>
            <Link to="/families/$familyId/sharing" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
